using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;

namespace Bff.Clients.Reviews;

/// <summary>Typed client of the reviews service (<c>DomainServices:Reviews:BaseUrl</c>, default port 5204).</summary>
public interface IReviewsClient
{
    /// <summary><c>GET /reviews/{id}</c>; a non-positive id is refused without a call.</summary>
    Task<ServiceResult<Review>> GetReviewAsync(int id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /reviews?ids=</c>; duplicates dropped, more than 100 ids split into several calls.</summary>
    Task<ServiceResult<BatchResult<Review>>> GetReviewsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /reviews?productIds=&amp;perProduct=&amp;sort=</c>: the first <paramref name="perProduct"/> reviews of each
    /// product in <paramref name="sort"/> order (default <c>recent</c>), one entry per product in the order asked, each
    /// with the cursor that continues that product's list. Duplicates dropped, more than 100 ids split into several
    /// calls; no ids answers an empty list without a call; <paramref name="perProduct"/> outside 1..50 or an unknown
    /// sort is refused without a call.
    /// </summary>
    Task<ServiceResult<ItemList<ProductReviews>>> GetReviewsOfProductsAsync(IReadOnlyCollection<int> productIds, int perProduct, string? sort = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /reviews?productId=&amp;sort=&amp;limit=&amp;cursor=</c>.</summary>
    Task<ServiceResult<Page<Review>>> ListReviewsAsync(ReviewQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /reviews/summary?productIds=</c>: one summary per product (count 0 when none); duplicates dropped,
    /// more than 100 ids split into several calls; no ids answers an empty list without a call.
    /// </summary>
    Task<ServiceResult<ItemList<RatingSummary>>> GetRatingSummariesAsync(IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default);

    /// <summary><c>POST /reviews</c>: the created review. Never retried (not idempotent).</summary>
    Task<ServiceResult<Review>> AddReviewAsync(AddReviewRequest review, CancellationToken cancellationToken = default);
}
