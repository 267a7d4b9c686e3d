using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Reviews;

/// <summary><see cref="IReviewsClient"/> over the Refit <see cref="IReviewsApi"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class ReviewsClient(IReviewsApi api, ILogger<ReviewsClient> logger) : IReviewsClient
{
    private readonly ServiceResponses _responses = new(DomainServiceNames.Reviews, logger);

    public Task<ServiceResult<Review>> GetReviewAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_responses.Refuse<Review>(problem))
            : _responses.ToResultAsync(api.GetReview(id, cancellationToken));

    public Task<ServiceResult<BatchResult<Review>>> GetReviewsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_responses, "ids", ids, chunk => _responses.ToResultAsync(api.GetReviews(chunk, cancellationToken)));

    public Task<ServiceResult<ItemList<ProductReviews>>> GetReviewsOfProductsAsync(IReadOnlyCollection<int> productIds, int perProduct, string? sort = null, CancellationToken cancellationToken = default)
    {
        sort ??= ReviewSort.Recent;
        var problem = RequestGuard.CheckRange(perProduct, "perProduct", RequestGuard.MaxReviewsPerProduct)
            ?? (sort is ReviewSort.Recent or ReviewSort.Top ? null : $"sort must be '{ReviewSort.Recent}' or '{ReviewSort.Top}'; was '{sort}'.");
        return problem is not null
            ? Task.FromResult(_responses.Refuse<ItemList<ProductReviews>>(problem))
            : BatchCalls.GetItemListAsync(_responses, "productIds", productIds, chunk => _responses.ToResultAsync(api.GetReviewsOfProducts(chunk, perProduct, sort, cancellationToken)));
    }

    public Task<ServiceResult<Page<Review>>> ListReviewsAsync(ReviewQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ReviewQuery();
        var problem = (query.ProductId is { } productId ? RequestGuard.CheckId(productId, "productId") : null)
            ?? RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit);
        return problem is not null
            ? Task.FromResult(_responses.Refuse<Page<Review>>(problem))
            : _responses.ToResultAsync(api.ListReviews(query.ProductId, query.Sort, query.Limit, query.Cursor, cancellationToken));
    }

    public Task<ServiceResult<ItemList<RatingSummary>>> GetRatingSummariesAsync(IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default) =>
        BatchCalls.GetItemListAsync(_responses, "productIds", productIds, chunk => _responses.ToResultAsync(api.GetRatingSummaries(chunk, cancellationToken)));

    public Task<ServiceResult<Review>> AddReviewAsync(AddReviewRequest review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var problem = RequestGuard.CheckId(review.ProductId, "productId") ?? RequestGuard.CheckId(review.UserId, "userId");
        return problem is not null
            ? Task.FromResult(_responses.Refuse<Review>(problem))
            : _responses.ToResultAsync(api.AddReview(review, cancellationToken));
    }
}
