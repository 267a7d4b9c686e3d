using Bff.Clients.Reviews;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>
/// First pages of reviews by (product, first, sort) for one request: one <c>GET /reviews?productIds=&amp;perProduct=&amp;sort=</c>
/// per step and (first, sort) pair, so the reviews of every product of a page are one call. Each page keeps the
/// product's list cursor, so the connection continues with <c>after</c> as before.
/// </summary>
internal sealed class ReviewsOfProductLoader(IReviewsClient reviews) : DataLoader<ReviewsOfProductKey, Page<Review>>
{
    protected override async Task<IReadOnlyDictionary<ReviewsOfProductKey, Page<Review>>> LoadBatchAsync(IReadOnlyList<ReviewsOfProductKey> keys, CancellationToken cancellationToken)
    {
        var calls = keys.GroupBy(k => (k.First, k.Sort)).Select(async group =>
        {
            var ids = group.Select(k => k.ProductId).ToArray();
            var list = (await reviews.GetReviewsOfProductsAsync(ids, group.Key.First, group.Key.Sort, cancellationToken).ConfigureAwait(false)).ValueOrThrow();
            return list.Items.Select(p => KeyValuePair.Create(new ReviewsOfProductKey(p.ProductId, group.Key.First, group.Key.Sort), new Page<Review>(p.Items, p.NextCursor)));
        });
        var pages = await Task.WhenAll(calls).ConfigureAwait(false);
        return pages.SelectMany(p => p).ToDictionary();
    }
}
