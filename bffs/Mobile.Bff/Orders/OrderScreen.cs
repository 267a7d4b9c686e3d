using Bff.Clients;
using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Results;
using Bff.Contracts.Products;
using Mobile.Bff.Caching;
using Mobile.Bff.Http;
using Mobile.Bff.Metrics;
using Mobile.Bff.Sections;

namespace Mobile.Bff.Orders;

/// <summary>
/// Assembles the order page: the order (core), then the names of its products in one batch call (or from the
/// product cache). Another user's order answers exactly like an unknown one (404), so ids leak nothing.
/// </summary>
internal sealed class OrderScreen(
    IOrdersClient orders,
    IProductsClient products,
    SectionRunner runner,
    ScreenBudgets budgets,
    MobileMetrics metrics)
{
    public const string Name = "order";

    public async Task<IResult> RenderAsync(HttpContext context, int userId, int orderId)
    {
        using var budget = budgets.Start(context.RequestAborted);
        var report = new ScreenReport(Name);
        var orderSection = await runner.FetchAsync(budget, SectionNames.Order, DomainServiceNames.Orders, ct => orders.GetOrderAsync(orderId, ct))
            .ConfigureAwait(false);
        var order = orderSection.Value;
        if (order is null || order.UserId != userId)
        {
            if (order is null && orderSection.Error?.Kind != ServiceErrorKind.NotFound)
            {
                report.Add(SectionNames.Order, orderSection);
                report.AddMissing(SectionNames.Products);
                report.Record(metrics);
                return MobileProblems.CoreUnavailable(context, SectionNames.Order, orderSection.Error, budgets.Options.RetryAfter);
            }

            return MobileProblems.NotFound("order");
        }

        report.Add(SectionNames.Order, orderSection);
        var names = report.Add(SectionNames.Products, await runner.FetchManyCachedAsync<Product>(
            budget,
            SectionNames.Products,
            DomainServiceNames.Products,
            [.. order.Items.Select(i => i.ProductId)],
            CacheKeys.Product,
            p => p.Id,
            (ids, ct) => products.GetProductsAsync(ids, ct).MapAsync(batch => batch.Items)).ConfigureAwait(false));
        report.Record(metrics);

        var response = new OrderPageResponse(
            order.Id,
            order.Status,
            order.CreatedAt,
            order.Total,
            order.Currency,
            [.. order.Items.Select(i => new OrderLine(i.ProductId, names is not null && names.TryGetValue(i.ProductId, out var p) ? p.Name : null, i.Quantity, i.UnitPrice))],
            report.Sections,
            report.Degraded);
        return new ETaggedJsonResult<OrderPageResponse>(response, MobileJsonContext.Default.OrderPageResponse);
    }
}
