using System.Collections.Immutable;
using Bff.Contracts.Orders;
using Bff.Stubs.Paging;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Orders;

/// <summary>
/// The orders, seeded then appended to by <c>POST /orders</c>. Readers take an immutable snapshot; writers
/// build the next snapshot under a lock, so a page never sees half a write.
/// </summary>
internal sealed class OrderStore(ProductPrices prices, TimeProvider time) : ISeedable
{
    private readonly Lock _writeGate = new();
    private readonly SeededData<Snapshot> _seed = new(() => Snapshot.From(SeedGenerator.Orders(prices.All)));
    private volatile Snapshot? _current;

    public string Name => "orders";

    private Snapshot Current => _current ?? _seed.Value;

    public int Seed() => Current.ById.Length;

    public Order? Find(int id)
    {
        var byId = Current.ById;
        return id >= 1 && id <= byId.Length ? byId[id - 1] : null;
    }

    /// <summary>Every order, or one user's, newest first then id descending.</summary>
    public IReadOnlyList<Order> Newest(int? userId)
    {
        var snapshot = Current;
        if (userId is null)
        {
            return snapshot.Newest;
        }

        return snapshot.ByUser.TryGetValue(userId.Value, out var orders) ? orders : [];
    }

    public Order Place(int userId, IReadOnlyList<OrderItem> items)
    {
        lock (_writeGate)
        {
            var snapshot = Current;
            var order = new Order(snapshot.ById.Length + 1, userId, OrderStatus.Pending, time.GetUtcNow(), SeedGenerator.TotalOf(items), "EUR", items);
            _current = snapshot.With(order);
            return order;
        }
    }

    /// <summary>Newest first, then id descending, as an ascending key.</summary>
    public static SortKey KeyOf(Order order) => new(-order.CreatedAt.UtcTicks, -order.Id);

    private sealed record Snapshot(Order[] ById, Order[] Newest, ImmutableDictionary<int, Order[]> ByUser)
    {
        public static Snapshot From(IReadOnlyList<Order> orders)
        {
            var newest = orders.OrderBy(KeyOf).ToArray();
            var byUser = newest.GroupBy(o => o.UserId).ToImmutableDictionary(g => g.Key, g => g.ToArray());
            return new Snapshot([.. orders], newest, byUser);
        }

        public Snapshot With(Order order)
        {
            var userOrders = ByUser.TryGetValue(order.UserId, out var existing) ? existing : [];
            return new Snapshot([.. ById, order], Insert(Newest, order), ByUser.SetItem(order.UserId, Insert(userOrders, order)));
        }

        private static Order[] Insert(Order[] sorted, Order order)
        {
            var key = KeyOf(order);
            var index = Array.FindIndex(sorted, o => KeyOf(o) > key);
            return index < 0 ? [.. sorted, order] : [.. sorted.AsSpan(0, index), order, .. sorted.AsSpan(index)];
        }
    }
}
