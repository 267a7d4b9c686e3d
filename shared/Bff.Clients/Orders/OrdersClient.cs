using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Orders;

/// <summary><see cref="IOrdersClient"/> over the Refit <see cref="IOrdersApi"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class OrdersClient(IOrdersApi api, ILogger<OrdersClient> logger) : IOrdersClient
{
    private readonly ServiceResponses _responses = new(DomainServiceNames.Orders, logger);

    public Task<ServiceResult<Order>> GetOrderAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_responses.Refuse<Order>(problem))
            : _responses.ToResultAsync(api.GetOrder(id, cancellationToken));

    public Task<ServiceResult<BatchResult<Order>>> GetOrdersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_responses, "ids", ids, chunk => _responses.ToResultAsync(api.GetOrders(chunk, cancellationToken)));

    public Task<ServiceResult<Page<Order>>> ListOrdersAsync(OrderQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new OrderQuery();
        var problem = (query.UserId is { } userId ? RequestGuard.CheckId(userId, "userId") : null)
            ?? RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit);
        return problem is not null
            ? Task.FromResult(_responses.Refuse<Page<Order>>(problem))
            : _responses.ToResultAsync(api.ListOrders(query.UserId, query.Status, query.Limit, query.Cursor, cancellationToken));
    }

    public Task<ServiceResult<ItemList<Order>>> GetRecentOrdersAsync(int userId, int? limit = null, CancellationToken cancellationToken = default) =>
        (RequestGuard.CheckId(userId, "userId") ?? RequestGuard.CheckLimit(limit, RequestGuard.MaxShortListLimit)) is { } problem
            ? Task.FromResult(_responses.Refuse<ItemList<Order>>(problem))
            : _responses.ToResultAsync(api.GetRecentOrders(userId, limit, cancellationToken));

    public Task<ServiceResult<Order>> PlaceOrderAsync(PlaceOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problem = RequestGuard.CheckId(order.UserId, "userId")
            ?? (order.Items is null or { Count: 0 } ? "items must hold at least one line." : null)
            ?? RequestGuard.CheckIds(order.Items!.Select(i => i.ProductId), "items[].productId");
        return problem is not null
            ? Task.FromResult(_responses.Refuse<Order>(problem))
            : _responses.ToResultAsync(api.PlaceOrder(order, cancellationToken));
    }
}
