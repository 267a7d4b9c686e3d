using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Refit;

namespace Bff.Clients.Reviews;

/// <summary>The HTTP contract of the reviews service (domain-api.md); Refit generates its implementation at build time.</summary>
internal interface IReviewsApi
{
    [Get("/reviews/{id}")]
    Task<IApiResponse<Review>> GetReview(int id, CancellationToken cancellationToken);

    // Commas stay literal: the services split ids on them, and they are legal in a query (RFC 3986 sub-delims).
    [Get("/reviews")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<BatchResult<Review>>> GetReviews([Query(CollectionFormat.Csv)] IEnumerable<int> ids, CancellationToken cancellationToken);

    [Get("/reviews")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<ItemList<ProductReviews>>> GetReviewsOfProducts([Query(CollectionFormat.Csv)] IEnumerable<int> productIds, int perProduct, string sort, CancellationToken cancellationToken);

    [Get("/reviews")]
    Task<IApiResponse<Page<Review>>> ListReviews(int? productId, string? sort, int? limit, string? cursor, CancellationToken cancellationToken);

    [Get("/reviews/summary")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<ItemList<RatingSummary>>> GetRatingSummaries([Query(CollectionFormat.Csv)] IEnumerable<int> productIds, CancellationToken cancellationToken);

    [Post("/reviews")]
    Task<IApiResponse<Review>> AddReview([Body] AddReviewRequest review, CancellationToken cancellationToken);
}
