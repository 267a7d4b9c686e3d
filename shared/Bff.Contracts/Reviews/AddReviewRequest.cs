namespace Bff.Contracts.Reviews;

/// <summary>Body of <c>POST /reviews</c>.</summary>
public sealed record AddReviewRequest(int ProductId, int UserId, int Rating, string? Title, string? Body);
