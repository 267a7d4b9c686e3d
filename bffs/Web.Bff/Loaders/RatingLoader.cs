using Bff.Clients.Reviews;
using Bff.Contracts.Reviews;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>Rating summaries by product id for one request: one <c>GET /reviews/summary?productIds=</c> per step.</summary>
internal sealed class RatingLoader(IReviewsClient reviews) : DataLoader<int, RatingSummary>
{
    protected override async Task<IReadOnlyDictionary<int, RatingSummary>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var list = (await reviews.GetRatingSummariesAsync([.. keys], cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return list.Items.ToDictionary(r => r.ProductId);
    }
}
