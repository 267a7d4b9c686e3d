using Bff.Contracts.Orders;
using Bff.Contracts.Products;

namespace Bff.Stubs.Seed;

internal static partial class SeedGenerator
{
    /// <summary>Users 1 and 2 own the first orders so both always have several, each with several lines.</summary>
    private const int OrdersOfKnownUsers = 11;

    /// <summary>Orders 1..<see cref="SeedSizes.Orders"/> with 1..5 lines priced from <paramref name="products"/>.</summary>
    public static IReadOnlyList<Order> Orders(IReadOnlyList<Product> products)
    {
        var random = new Random(3003);
        var orders = new List<Order>(SeedSizes.Orders);
        for (var id = 1; id <= SeedSizes.Orders; id++)
        {
            var known = id <= OrdersOfKnownUsers;
            var userId = known ? (id % 2 == 1 ? KnownUser.Demo.Id : KnownUser.Alice.Id) : random.Next(1, SeedSizes.Users + 1);
            var createdAt = SeedClock.Before(random, SeedClock.End, 540);
            var lineCount = known ? random.Next(2, 6) : random.Next(1, 6);
            var items = new List<OrderItem>(lineCount);
            var used = new HashSet<int>();
            while (items.Count < lineCount)
            {
                var product = products[random.Next(products.Count)];
                if (used.Add(product.Id))
                {
                    items.Add(new OrderItem(product.Id, random.Next(10) < 7 ? 1 : random.Next(2, 6), product.Price));
                }
            }

            orders.Add(new Order(id, userId, StatusFor(random, SeedClock.End - createdAt), createdAt, TotalOf(items), Currency, items));
        }

        return orders;
    }

    /// <summary>The total of an order's lines, as every order answer states it.</summary>
    public static decimal TotalOf(IEnumerable<OrderItem> items) => items.Sum(i => i.Quantity * i.UnitPrice);

    private static string StatusFor(Random random, TimeSpan age)
    {
        var roll = random.Next(100);
        if (age > TimeSpan.FromDays(30))
        {
            return roll < 88 ? OrderStatus.Delivered : OrderStatus.Cancelled;
        }

        return roll switch
        {
            < 15 => OrderStatus.Pending,
            < 40 => OrderStatus.Paid,
            < 70 => OrderStatus.Shipped,
            < 93 => OrderStatus.Delivered,
            _ => OrderStatus.Cancelled,
        };
    }
}
