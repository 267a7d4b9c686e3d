namespace Bff.Contracts.Reviews;

/// <summary>A review of a product by a user; rating 1..5.</summary>
public sealed record Review(
    int Id,
    int ProductId,
    int UserId,
    int Rating,
    string Title,
    string Body,
    DateTimeOffset CreatedAt);
