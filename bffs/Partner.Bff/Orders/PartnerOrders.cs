using Bff.Clients.Orders;
using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Partner.Bff.Http;
using Partner.Bff.Idempotency;
using Partner.Bff.Paging;

namespace Partner.Bff.Orders;

/// <summary>
/// A partner's orders, whatever the API version: the orders of the partner's customer account
/// (<c>Partner:Clients:&lt;clientId&gt;:UserId</c>), and placement of new ones for that account, once per idempotency key.
/// </summary>
internal sealed class PartnerOrders(IOrdersClient orders, IIdempotencyStore idempotency)
{
    public Task<ServiceResult<Page<Order>>> ListAsync(PartnerCaller caller, string? status, PageRequest page, CancellationToken cancellationToken) =>
        orders.ListOrdersAsync(new OrderQuery { UserId = caller.UserId, Status = status, Limit = page.Limit, Cursor = page.UpstreamCursor }, cancellationToken);

    /// <summary>The order, or <see cref="ServiceErrorKind.NotFound"/> also when it belongs to someone else (no hint that it exists).</summary>
    public async Task<ServiceResult<Order>> GetAsync(PartnerCaller caller, int id, CancellationToken cancellationToken)
    {
        var result = await orders.GetOrderAsync(id, cancellationToken);
        return result.IsSuccess && result.Value.UserId != caller.UserId
            ? ServiceResult<Order>.Failure(new ServiceError(ServiceErrorKind.NotFound, "orders", "No such order.", StatusCodes.Status404NotFound))
            : result;
    }

    /// <summary>
    /// Places the order unless this partner's key already placed it. The placement is not tied to the request's
    /// cancellation: a partner that hangs up and retries must find the order the first attempt placed.
    /// </summary>
    public Task<IdempotencyLookup> PlaceOnceAsync(PartnerCaller caller, string idempotencyKey, OrderDraft draft) =>
        idempotency.RunOnceAsync(caller.ClientId, idempotencyKey, draft.Fingerprint(), async () =>
        {
            var request = new PlaceOrderRequest(caller.UserId, [.. draft.Lines.Select(l => new PlaceOrderItem(l.ProductId, l.Quantity))]);
            var result = await orders.PlaceOrderAsync(request, CancellationToken.None);
            return new PlacementOutcome(result.Value, result.Error);
        });
}
