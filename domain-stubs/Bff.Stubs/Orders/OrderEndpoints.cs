using Bff.Contracts;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Orders;

/// <summary>Handlers of the orders service (docs/domain-api.md, "orders").</summary>
internal static class OrderEndpoints
{
    private const int DefaultRecent = 3;
    private const int MaxRecent = 20;

    public static IResult GetById(string id, OrderStore store)
    {
        var parsed = Ids.Parse(id, "id");
        if (parsed.Failed)
        {
            return parsed.Problem!;
        }

        return store.Find(parsed.Value) is { } order ? TypedResults.Ok(order) : StubProblems.NotFound("order", parsed.Value);
    }

    public static IResult List(HttpRequest request, OrderStore store, CursorCodec cursors)
    {
        if (request.Query.ContainsKey("ids"))
        {
            return Batch.Get(request, "ids", store.Find, o => o.Id);
        }

        var userId = Ids.ReadOptional(request, "userId");
        if (userId.Failed)
        {
            return userId.Problem!;
        }

        var status = request.Query["status"].ToString();
        if (status.Length > 0 && !OrderStatus.All.Contains(status, StringComparer.Ordinal))
        {
            return StubProblems.InvalidQuery($"status must be one of {string.Join(", ", OrderStatus.All)}; got '{status}'.");
        }

        var page = PageQuery.Read(request, cursors, $"orders|{userId.Value}|{status}");
        return page.Failed
            ? page.Problem!
            : TypedResults.Ok(Keyset.Page(
                store.Newest(userId.Value),
                OrderStore.KeyOf,
                o => status.Length == 0 || o.Status == status,
                page.Value,
                cursors));
    }

    public static IResult Recent(HttpRequest request, OrderStore store)
    {
        var userId = Ids.Parse(request.Query["userId"].ToString(), "userId");
        if (userId.Failed)
        {
            return userId.Problem!;
        }

        var limit = Limits.Read(request, DefaultRecent, MaxRecent);
        return limit.Failed
            ? limit.Problem!
            : TypedResults.Ok(new ItemList<Order>([.. store.Newest(userId.Value).Take(limit.Value)]));
    }

    public static async Task<IResult> Place(HttpRequest request, OrderStore store, ProductPrices prices)
    {
        var body = await JsonBody.ReadAsync(request, ContractsJsonContext.Default.PlaceOrderRequest);
        if (body.Failed)
        {
            return body.Problem!;
        }

        var errors = PlaceOrderValidator.Validate(body.Value, prices, out var items);
        if (errors.Count > 0)
        {
            return StubProblems.InvalidBody(errors);
        }

        var order = store.Place(body.Value.UserId, items);
        return TypedResults.Created($"/orders/{order.Id}", order);
    }
}
