using System.Globalization;
using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Orders;

/// <summary><see cref="IOrdersClient"/> over the <see cref="HttpClient"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class OrdersClient(HttpClient httpClient, ILogger<OrdersClient> logger) : IOrdersClient
{
    private readonly DomainHttp _http = new(httpClient, DomainServiceNames.Orders, logger);

    public Task<ServiceResult<Order>> GetOrderAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_http.Refuse<Order>(problem))
            : _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"orders/{id}"), ContractsJsonContext.Default.Order, cancellationToken);

    public Task<ServiceResult<BatchResult<Order>>> GetOrdersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_http, "orders", ids, ContractsJsonContext.Default.BatchResultOrder, cancellationToken);

    public Task<ServiceResult<Page<Order>>> ListOrdersAsync(OrderQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new OrderQuery();
        var problem = (query.UserId is { } userId ? RequestGuard.CheckId(userId, "userId") : null)
            ?? RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit);
        if (problem is not null)
        {
            return Task.FromResult(_http.Refuse<Page<Order>>(problem));
        }

        var uri = new QueryBuilder("orders")
            .Add("userId", query.UserId)
            .Add("status", query.Status)
            .Add("limit", query.Limit)
            .Add("cursor", query.Cursor)
            .ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.PageOrder, cancellationToken);
    }

    public Task<ServiceResult<ItemList<Order>>> GetRecentOrdersAsync(int userId, int? limit = null, CancellationToken cancellationToken = default)
    {
        if ((RequestGuard.CheckId(userId, "userId") ?? RequestGuard.CheckLimit(limit, RequestGuard.MaxShortListLimit)) is { } problem)
        {
            return Task.FromResult(_http.Refuse<ItemList<Order>>(problem));
        }

        var uri = new QueryBuilder("orders/recent").Add("userId", userId).Add("limit", limit).ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.ItemListOrder, cancellationToken);
    }

    public Task<ServiceResult<Order>> PlaceOrderAsync(PlaceOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problem = RequestGuard.CheckId(order.UserId, "userId")
            ?? (order.Items is null or { Count: 0 } ? "items must hold at least one line." : null)
            ?? RequestGuard.CheckIds(order.Items!.Select(i => i.ProductId), "items[].productId");
        return problem is not null
            ? Task.FromResult(_http.Refuse<Order>(problem))
            : _http.PostAsync("orders", order, ContractsJsonContext.Default.PlaceOrderRequest, ContractsJsonContext.Default.Order, cancellationToken);
    }
}
