using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Reviews;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Reviews;

/// <summary>Handlers of the reviews service (docs/domain-api.md, "reviews").</summary>
internal static class ReviewEndpoints
{
    public static IResult GetById(string id, ReviewStore store)
    {
        var parsed = Ids.Parse(id, "id");
        if (parsed.Failed)
        {
            return parsed.Problem!;
        }

        return store.Find(parsed.Value) is { } review ? TypedResults.Ok(review) : StubProblems.NotFound("review", parsed.Value);
    }

    public static IResult List(HttpRequest request, ReviewStore store, CursorCodec cursors)
    {
        if (request.Query.ContainsKey("ids"))
        {
            return Batch.Get(request, "ids", store.Find, r => r.Id);
        }

        if (request.Query.ContainsKey("productIds"))
        {
            return TopReviewsOfProducts.Get(request, store, cursors);
        }

        var productId = Ids.ReadOptional(request, "productId");
        if (productId.Failed)
        {
            return productId.Problem!;
        }

        var sort = ReviewSorts.Read(request);
        if (sort.Failed)
        {
            return sort.Problem!;
        }

        var top = sort.Value == ReviewSort.Top;
        var page = PageQuery.Read(request, cursors, ReviewSorts.Scope(productId.Value, sort.Value));
        return page.Failed
            ? page.Problem!
            : TypedResults.Ok(Keyset.Page(
                store.Sorted(productId.Value, top),
                top ? ReviewStore.TopKey : ReviewStore.RecentKey,
                _ => true,
                page.Value,
                cursors));
    }

    public static IResult Summary(HttpRequest request, ReviewStore store)
    {
        var ids = Ids.ParseList(request.Query["productIds"].ToString(), "productIds");
        return ids.Failed
            ? ids.Problem!
            : TypedResults.Ok(new ItemList<RatingSummary>([.. ids.Value.Select(store.SummaryOf)]));
    }

    public static async Task<IResult> Add(HttpRequest request, ReviewStore store)
    {
        var body = await JsonBody.ReadAsync(request, ContractsJsonContext.Default.AddReviewRequest);
        if (body.Failed)
        {
            return body.Problem!;
        }

        var errors = AddReviewValidator.Validate(body.Value);
        if (errors.Count > 0)
        {
            return StubProblems.InvalidBody(errors);
        }

        var review = store.Add(body.Value);
        return TypedResults.Created($"/reviews/{review.Id}", review);
    }
}
