using Bff.Clients.Reviews;
using Bff.Contracts.Reviews;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>Reviews by id for one request: one <c>GET /reviews?ids=</c> per step.</summary>
internal sealed class ReviewLoader(IReviewsClient reviews) : DataLoader<int, Review>
{
    protected override async Task<IReadOnlyDictionary<int, Review>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var batch = (await reviews.GetReviewsAsync([.. keys], cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return batch.Items.ToDictionary(r => r.Id);
    }
}
