using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Partner.Bff.Errors;
using Partner.Bff.Http;
using Partner.Bff.Idempotency;
using Partner.Bff.OpenApi;
using Partner.Bff.Orders;
using Partner.Bff.Paging;
using Partner.Bff.Products;
using Partner.Bff.V1;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The v1 contract (deprecated, see <c>Partner:V1</c>): <c>/partner/v1/orders</c> and <c>/partner/v1/products</c>.</summary>
internal static class V1Endpoints
{
    private const string Version = "v1";

    public static IEndpointRouteBuilder MapPartnerV1(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/partner/v1").WithGroupName(Version).RequireAuthorization(PartnerCallerPolicy.Name);

        v1.MapGet("/orders", ListOrdersAsync).WithName("v1ListOrders").WithTags("Orders")
            .WithSummary("List the partner's orders")
            .WithDescription("The orders of the partner's customer account, newest first, in pages linked by an opaque cursor.")
            .Produces<V1OrderPage>().ProducesProblemDocument(StatusCodes.Status400BadRequest).RequiresScope();
        v1.MapGet("/orders/{id}", GetOrderAsync).WithName("v1GetOrder").WithTags("Orders")
            .WithSummary("Get one of the partner's orders")
            .Produces<V1Order>().ProducesProblemDocument(StatusCodes.Status400BadRequest).ProducesProblemDocument(StatusCodes.Status404NotFound).RequiresScope();
        v1.MapPost("/orders", PlaceOrderAsync).WithName("v1PlaceOrder").WithTags("Orders")
            .WithSummary("Place an order")
            .WithDescription("Places an order for the partner's customer account. Repeating the request with the same Idempotency-Key returns the first result. Members v1 does not know are ignored.")
            .Accepts<V1PlaceOrderRequest>("application/json")
            .Produces<V1Order>(StatusCodes.Status201Created)
            .ProducesProblemDocument(StatusCodes.Status400BadRequest).ProducesProblemDocument(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity).RequiresScope(PartnerScopes.Write);
        v1.MapGet("/products", ListProductsAsync).WithName("v1ListProducts").WithTags("Products")
            .WithSummary("List products")
            .WithDescription("The catalogue by id ascending, optionally filtered, in pages linked by an opaque cursor.")
            .Produces<V1ProductPage>().ProducesProblemDocument(StatusCodes.Status400BadRequest).RequiresScope();
        v1.MapGet("/products/{id}", GetProductAsync).WithName("v1GetProduct").WithTags("Products")
            .WithSummary("Get a product")
            .Produces<V1Product>().ProducesProblemDocument(StatusCodes.Status400BadRequest).ProducesProblemDocument(StatusCodes.Status404NotFound).RequiresScope();
        return endpoints;
    }

    /// <param name="context">The request.</param>
    /// <param name="orders">The partner's orders.</param>
    /// <param name="pager">Cursor paging.</param>
    /// <param name="status">Only orders in this status: pending, paid, shipped, delivered or cancelled.</param>
    /// <param name="limit">Orders per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page; omit for the first page.</param>
    private static async Task<IResult> ListOrdersAsync(HttpContext context, PartnerOrders orders, Pager pager, string? status, string? limit, string? cursor)
    {
        var caller = context.Features.GetRequiredFeature<PartnerCaller>();
        if (!OrderFilters.TryStatus(status, out var problem)
            || !pager.TryRead(context, Version, caller.ClientId, "orders", CursorCodec.Filters(("status", status)), out var page, out problem))
        {
            return problem!;
        }

        var result = await orders.ListAsync(caller, status, page!, context.RequestAborted);
        if (!result.IsSuccess)
        {
            return ServiceErrorProblems.ForRead(context, result.Error, "order");
        }

        var next = pager.NextCursor(page!, result.Value.NextCursor);
        return Results.Ok(new V1OrderPage([.. result.Value.Items.Select(V1Mapper.ToV1)], next, Pager.NextLink(context, next)));
    }

    /// <param name="context">The request.</param>
    /// <param name="orders">The partner's orders.</param>
    /// <param name="id">The order id (positive integer).</param>
    private static async Task<IResult> GetOrderAsync(HttpContext context, PartnerOrders orders, string id)
    {
        if (!ResourceId.TryParse(id, out var orderId))
        {
            return Problems.InvalidId(id);
        }

        var result = await orders.GetAsync(context.Features.GetRequiredFeature<PartnerCaller>(), orderId, context.RequestAborted);
        return result.IsSuccess ? Results.Ok(V1Mapper.ToV1(result.Value)) : ServiceErrorProblems.ForRead(context, result.Error, "order");
    }

    /// <param name="context">The request.</param>
    /// <param name="orders">The partner's orders.</param>
    /// <param name="idempotencyKey">A unique value per order (for example a UUID), 1 to 255 visible ASCII characters; a repeat with the same key returns the first result.</param>
    private static async Task<IResult> PlaceOrderAsync(HttpContext context, PartnerOrders orders, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey)
    {
        if (!OrderPlacementResponses.TryAdmit(context, out var caller, out var key, out var problem))
        {
            return problem!;
        }

        var (draft, invalid) = await OrderBodyReader.ReadAsync(context, V1Mapper.OrderBody);
        if (draft is null)
        {
            return invalid!;
        }

        var lookup = await orders.PlaceOnceAsync(caller, key, draft);
        return OrderPlacementResponses.Answer(context, lookup, Version, V1Mapper.ToV1, V1Mapper.FieldName);
    }

    /// <param name="context">The request.</param>
    /// <param name="products">The products service.</param>
    /// <param name="pager">Cursor paging.</param>
    /// <param name="category">Only this category (exact name, any case).</param>
    /// <param name="q">Text searched in name and description (at most 100 characters).</param>
    /// <param name="minPrice">Lowest price, inclusive (decimal with a dot).</param>
    /// <param name="maxPrice">Highest price, inclusive (decimal with a dot).</param>
    /// <param name="limit">Products per page, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page; omit for the first page.</param>
    private static async Task<IResult> ListProductsAsync(
        HttpContext context, Bff.Clients.Products.IProductsClient products, Pager pager,
        string? category, string? q, string? minPrice, string? maxPrice, string? limit, string? cursor)
    {
        var caller = context.Features.GetRequiredFeature<PartnerCaller>();
        if (!ProductFilters.TryRead(("category", category), ("q", q), ("minPrice", minPrice), ("maxPrice", maxPrice), out var query, out var problem)
            || !pager.TryRead(context, Version, caller.ClientId, "products", CursorCodec.Filters(("category", category), ("q", q), ("minPrice", minPrice), ("maxPrice", maxPrice)), out var page, out problem))
        {
            return problem!;
        }

        var result = await products.ListProductsAsync(query with { Limit = page!.Limit, Cursor = page.UpstreamCursor }, context.RequestAborted);
        if (!result.IsSuccess)
        {
            return ServiceErrorProblems.ForRead(context, result.Error, "product");
        }

        var next = pager.NextCursor(page, result.Value.NextCursor);
        return Results.Ok(new V1ProductPage([.. result.Value.Items.Select(V1Mapper.ToV1)], next, Pager.NextLink(context, next)));
    }

    /// <param name="context">The request.</param>
    /// <param name="products">The products service.</param>
    /// <param name="id">The product id (positive integer).</param>
    private static async Task<IResult> GetProductAsync(HttpContext context, Bff.Clients.Products.IProductsClient products, string id)
    {
        if (!ResourceId.TryParse(id, out var productId))
        {
            return Problems.InvalidId(id);
        }

        var result = await products.GetProductAsync(productId, context.RequestAborted);
        return result.IsSuccess ? Results.Ok(V1Mapper.ToV1(result.Value)) : ServiceErrorProblems.ForRead(context, result.Error, "product");
    }
}
