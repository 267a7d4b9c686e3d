using Mobile.Bff.Sections;

namespace Mobile.Bff.Products;

/// <summary>
/// <c>GET /mobile/products/{id}</c>: details, price and stock (the core section), rating summary and top reviews.
/// </summary>
internal sealed record ProductPageResponse(
    int Id,
    string Name,
    string Description,
    string Category,
    decimal Price,
    string Currency,
    int Stock,
    ProductRating? Rating,
    IReadOnlyList<ProductReview>? TopReviews,
    IReadOnlyDictionary<string, SectionState> Sections,
    IReadOnlyList<string> Degraded);
