namespace Bff.Contracts.Reviews;

/// <summary>
/// The first reviews of one product in a batch read (<c>GET /reviews?productIds=&amp;perProduct=</c>):
/// <see cref="NextCursor"/> continues the product's own list (<c>GET /reviews?productId=&amp;sort=&amp;cursor=</c>);
/// null when there are no more. A product without reviews has no items.
/// </summary>
public sealed record ProductReviews(int ProductId, IReadOnlyList<Review> Items, string? NextCursor);
