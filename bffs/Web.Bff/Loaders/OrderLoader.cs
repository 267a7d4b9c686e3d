using Bff.Clients.Orders;
using Bff.Contracts.Orders;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>Orders by id for one request: one <c>GET /orders?ids=</c> per step.</summary>
internal sealed class OrderLoader(IOrdersClient orders) : DataLoader<int, Order>
{
    protected override async Task<IReadOnlyDictionary<int, Order>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var batch = (await orders.GetOrdersAsync([.. keys], cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return batch.Items.ToDictionary(o => o.Id);
    }
}
