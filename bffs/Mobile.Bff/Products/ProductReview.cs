namespace Mobile.Bff.Products;

/// <summary>One of the top reviews of a product (highest rating first, then newest).</summary>
internal sealed record ProductReview(int Id, int Rating, string Title, string Body, DateTimeOffset CreatedAt);
