using System.Globalization;
using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Reviews;

/// <summary><see cref="IReviewsClient"/> over the <see cref="HttpClient"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class ReviewsClient(HttpClient httpClient, ILogger<ReviewsClient> logger) : IReviewsClient
{
    private readonly DomainHttp _http = new(httpClient, DomainServiceNames.Reviews, logger);

    public Task<ServiceResult<Review>> GetReviewAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_http.Refuse<Review>(problem))
            : _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"reviews/{id}"), ContractsJsonContext.Default.Review, cancellationToken);

    public Task<ServiceResult<BatchResult<Review>>> GetReviewsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_http, "reviews", ids, ContractsJsonContext.Default.BatchResultReview, cancellationToken);

    public Task<ServiceResult<Page<Review>>> ListReviewsAsync(ReviewQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ReviewQuery();
        var problem = (query.ProductId is { } productId ? RequestGuard.CheckId(productId, "productId") : null)
            ?? RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit);
        if (problem is not null)
        {
            return Task.FromResult(_http.Refuse<Page<Review>>(problem));
        }

        var uri = new QueryBuilder("reviews")
            .Add("productId", query.ProductId)
            .Add("sort", query.Sort)
            .Add("limit", query.Limit)
            .Add("cursor", query.Cursor)
            .ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.PageReview, cancellationToken);
    }

    public Task<ServiceResult<ItemList<RatingSummary>>> GetRatingSummariesAsync(IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default) =>
        BatchCalls.GetItemListAsync(_http, "reviews/summary", "productIds", productIds, ContractsJsonContext.Default.ItemListRatingSummary, cancellationToken);

    public Task<ServiceResult<Review>> AddReviewAsync(AddReviewRequest review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var problem = RequestGuard.CheckId(review.ProductId, "productId") ?? RequestGuard.CheckId(review.UserId, "userId");
        return problem is not null
            ? Task.FromResult(_http.Refuse<Review>(problem))
            : _http.PostAsync("reviews", review, ContractsJsonContext.Default.AddReviewRequest, ContractsJsonContext.Default.Review, cancellationToken);
    }
}
