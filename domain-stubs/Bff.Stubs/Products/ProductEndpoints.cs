using Bff.Contracts.Paging;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Products;

/// <summary>Handlers of the products service (docs/domain-api.md, "products").</summary>
internal static class ProductEndpoints
{
    private const int DefaultRecommended = 4;
    private const int MaxRecommended = 20;

    public static IResult GetById(string id, ProductCatalog catalog)
    {
        var parsed = Ids.Parse(id, "id");
        if (parsed.Failed)
        {
            return parsed.Problem!;
        }

        return catalog.Find(parsed.Value) is { } product
            ? TypedResults.Ok(product)
            : StubProblems.NotFound("product", parsed.Value);
    }

    public static IResult List(HttpRequest request, ProductCatalog catalog, CursorCodec cursors)
    {
        if (request.Query.ContainsKey("ids"))
        {
            return Batch.Get(request, "ids", catalog.Find, p => p.Id);
        }

        var filter = ProductFilter.Read(request);
        if (filter.Failed)
        {
            return filter.Problem!;
        }

        var page = PageQuery.Read(request, cursors, filter.Value.Scope);
        return page.Failed
            ? page.Problem!
            : TypedResults.Ok(Keyset.Page(catalog.All, ProductCatalog.KeyOf, filter.Value.Matches, page.Value, cursors));
    }

    public static IResult Categories(ProductCatalog catalog) => TypedResults.Ok(new ItemList<string>(catalog.Categories));

    public static IResult Recommended(HttpRequest request, ProductCatalog catalog)
    {
        var userId = Ids.Parse(request.Query["userId"].ToString(), "userId");
        if (userId.Failed)
        {
            return userId.Problem!;
        }

        var limit = Limits.Read(request, DefaultRecommended, MaxRecommended);
        return limit.Failed
            ? limit.Problem!
            : TypedResults.Ok(new ItemList<Contracts.Products.Product>(catalog.RecommendedFor(userId.Value, limit.Value)));
    }
}
