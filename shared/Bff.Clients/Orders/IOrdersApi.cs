using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Refit;

namespace Bff.Clients.Orders;

/// <summary>The HTTP contract of the orders service (domain-api.md); Refit generates its implementation at build time.</summary>
internal interface IOrdersApi
{
    [Get("/orders/{id}")]
    Task<IApiResponse<Order>> GetOrder(int id, CancellationToken cancellationToken);

    // Commas stay literal: the services split ids on them, and they are legal in a query (RFC 3986 sub-delims).
    [Get("/orders")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<BatchResult<Order>>> GetOrders([Query(CollectionFormat.Csv)] IEnumerable<int> ids, CancellationToken cancellationToken);

    [Get("/orders")]
    Task<IApiResponse<Page<Order>>> ListOrders(int? userId, string? status, int? limit, string? cursor, CancellationToken cancellationToken);

    [Get("/orders/recent")]
    Task<IApiResponse<ItemList<Order>>> GetRecentOrders(int userId, int? limit, CancellationToken cancellationToken);

    [Post("/orders")]
    Task<IApiResponse<Order>> PlaceOrder([Body] PlaceOrderRequest order, CancellationToken cancellationToken);
}
