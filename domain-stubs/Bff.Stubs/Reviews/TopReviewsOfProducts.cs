using System.Globalization;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Reviews;

/// <summary>
/// <c>GET /reviews?productIds=1,2,3&amp;perProduct=3&amp;sort=recent</c>: the first reviews of each product, in the
/// order asked, each with the cursor that continues that product's own list. Bounded like every batch:
/// 1..<see cref="Ids.MaxBatch"/> distinct products, 1..<see cref="MaxPerProduct"/> reviews each.
/// </summary>
internal static class TopReviewsOfProducts
{
    /// <summary>Most reviews per product; the web BFF's largest <c>first</c>, so each first page is one batch.</summary>
    public const int MaxPerProduct = 50;

    public const int DefaultPerProduct = 3;

    public static IResult Get(HttpRequest request, ReviewStore store, CursorCodec cursors)
    {
        if (request.Query.ContainsKey("productId") || request.Query.ContainsKey("limit") || request.Query.ContainsKey("cursor"))
        {
            return StubProblems.InvalidQuery("productIds cannot be combined with productId, limit or cursor; use perProduct.");
        }

        var ids = Ids.ParseList(request.Query["productIds"].ToString(), "productIds");
        if (ids.Failed)
        {
            return ids.Problem!;
        }

        var perProduct = ReadPerProduct(request);
        if (perProduct.Failed)
        {
            return perProduct.Problem!;
        }

        var sort = ReviewSorts.Read(request);
        if (sort.Failed)
        {
            return sort.Problem!;
        }

        var top = sort.Value == ReviewSort.Top;
        var items = ids.Value.Select(id =>
        {
            var page = Keyset.Page(
                store.Sorted(id, top),
                top ? ReviewStore.TopKey : ReviewStore.RecentKey,
                _ => true,
                new PageQuery(perProduct.Value, null, ReviewSorts.Scope(id, sort.Value)),
                cursors);
            return new ProductReviews(id, page.Items, page.NextCursor);
        });
        return TypedResults.Ok(new ItemList<ProductReviews>([.. items]));
    }

    private static Parsed<int> ReadPerProduct(HttpRequest request)
    {
        var raw = request.Query["perProduct"];
        if (raw.Count == 0)
        {
            return Parsed<int>.Ok(DefaultPerProduct);
        }

        return raw.Count == 1
            && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= MaxPerProduct
            ? Parsed<int>.Ok(value)
            : Parsed<int>.Fail(StubProblems.InvalidQuery($"perProduct must be an integer from 1 to {MaxPerProduct}; got '{raw}'."));
    }
}
