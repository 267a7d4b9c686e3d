using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Users;
using Bff.Contracts.Orders;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;
using Web.Bff.Paging;

namespace Web.Bff.Schema;

/// <summary><c>Query.viewer</c>: the signed-in user's pages (home, account, order history).</summary>
internal static class ViewerTypes
{
    public const int MaxListLimit = 20;

    public static SchemaBuilder AddViewerTypes(this SchemaBuilder schema) => schema
        .Query(q => q.Field("viewer", "Viewer!", f => f
            .Description("The signed-in user (from the edge's identity assertion). Never null: each of its fields fails on its own.")
            .Cost(0)
            .Resolve(c => new Viewer(c.UserId()))))
        .Object("Viewer", t => t
            .Description("The signed-in user and what belongs to them.")
            .Data("id", "ID!", "The user id.", c => c.Parent<Viewer>().UserId)
            .Field("profile", "Profile", f => f
                .Description("Profile from the users service; null (with an error) when that service fails.")
                .Cost(1)
                .ResolveAsync(async c => await c.DataLoader<UserLoader>().LoadAsync(c.Parent<Viewer>().UserId).ConfigureAwait(false)
                    ?? throw WebErrors.NotFound("user", c.Parent<Viewer>().UserId)))
            .Field("unreadCount", "Int", f => f
                .Description("Unread notifications; null (with an error) when the users service fails.")
                .Cost(1)
                .ResolveAsync(async c =>
                {
                    var users = c.Services.GetRequiredService<IUsersClient>();
                    return (await users.GetUnreadCountAsync(c.Parent<Viewer>().UserId, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow().Unread;
                }))
            .Field("orders", "OrderConnection", f => f
                .Description("Order history, newest first, as a connection; null (with an error) when the orders service fails.")
                .Argument("first", "Int", 10, $"Orders per page, 1..{Paginator.MaxFirst}.")
                .Argument("after", "String", "Continue after this cursor (`pageInfo.endCursor` or an edge's `cursor`).")
                .Argument("status", "OrderStatus", "Only orders in this status.")
                .Cost(5)
                .ResolveAsync(async c =>
                {
                    var window = Paginator.Window(c.Argument<int>("first"), c.Argument<string?>("after"));
                    var orders = c.Services.GetRequiredService<IOrdersClient>();
                    var query = new OrderQuery { UserId = c.Parent<Viewer>().UserId, Status = c.Argument<string?>("status"), Limit = window.Limit, Cursor = window.UpstreamCursor };
                    var page = (await orders.ListOrdersAsync(query, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
                    var loader = c.DataLoader<OrderLoader>();
                    foreach (var order in page.Items)
                    {
                        loader.Prime(order.Id, order);
                    }

                    return Paginator.ToConnection(page, window);
                }))
            .Field("recentOrders", "[Order!]", f => f
                .Description("The latest orders, newest first (the home page's short list); null (with an error) when the orders service fails.")
                .Argument("limit", "Int", 3, $"How many, 1..{MaxListLimit}.")
                .Cost(5, listSize: 5)
                .ResolveAsync(async c =>
                {
                    var limit = Limit(c.Argument<int>("limit"));
                    var orders = c.Services.GetRequiredService<IOrdersClient>();
                    return (await orders.GetRecentOrdersAsync(c.Parent<Viewer>().UserId, limit, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow().Items;
                }))
            .Field("recommendedProducts", "[Product!]", f => f
                .Description("Products picked for this user (in stock only); null (with an error) when the products service fails.")
                .Argument("limit", "Int", 4, $"How many, 1..{MaxListLimit}.")
                .Cost(5, listSize: 10)
                .ResolveAsync(async c =>
                {
                    var limit = Limit(c.Argument<int>("limit"));
                    var products = c.Services.GetRequiredService<IProductsClient>();
                    var items = (await products.GetRecommendedAsync(c.Parent<Viewer>().UserId, limit, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow().Items;
                    ProductTypes.Prime(c, items);
                    return items;
                }))
            .Field("order", "Order", f => f
                .Description("One of the viewer's orders; null with NOT_FOUND for an unknown id or another user's order.")
                .Argument("id", "ID!", "Order id.")
                .Cost(1)
                .ResolveAsync(async c =>
                {
                    var id = Ids.Parse(c.Arguments["id"], "id");
                    var order = await c.DataLoader<OrderLoader>().LoadAsync(id).ConfigureAwait(false);

                    // Someone else's order answers exactly like an unknown one: ids must not reveal what exists.
                    return order is not null && order.UserId == c.Parent<Viewer>().UserId ? order : throw WebErrors.NotFound("order", id);
                })));

    private static int Limit(int limit) =>
        limit is >= 1 and <= MaxListLimit ? limit : throw WebErrors.BadArgument("limit", $"\"limit\" must be between 1 and {MaxListLimit}, got {limit}.");
}
