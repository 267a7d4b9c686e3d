using Bff.Contracts.Reviews;
using Web.Bff.Errors;

namespace Web.Bff.Mutations;

/// <summary>Answer of <c>addReview</c>: the review, or why it was not added.</summary>
internal sealed record AddReviewPayload(Review? Review, IReadOnlyList<UserError> UserErrors);
