using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;

namespace Bff.Clients.Orders;

/// <summary>Typed client of the orders service (<c>DomainServices:Orders:BaseUrl</c>, default port 5202).</summary>
public interface IOrdersClient
{
    /// <summary><c>GET /orders/{id}</c>; a non-positive id is refused without a call.</summary>
    Task<ServiceResult<Order>> GetOrderAsync(int id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /orders?ids=</c>; duplicates dropped, more than 100 ids split into several calls.</summary>
    Task<ServiceResult<BatchResult<Order>>> GetOrdersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default);

    /// <summary><c>GET /orders?userId=&amp;status=&amp;limit=&amp;cursor=</c>.</summary>
    Task<ServiceResult<Page<Order>>> ListOrdersAsync(OrderQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /orders/recent?userId=&amp;limit=</c>: newest first; limit 1..20 (service default 3).</summary>
    Task<ServiceResult<ItemList<Order>>> GetRecentOrdersAsync(int userId, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /orders</c>: the created order. Never retried (not idempotent).</summary>
    Task<ServiceResult<Order>> PlaceOrderAsync(PlaceOrderRequest order, CancellationToken cancellationToken = default);
}
