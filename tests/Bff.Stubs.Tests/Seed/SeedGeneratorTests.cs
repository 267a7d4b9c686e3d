using System.Diagnostics;
using System.Text.Json;
using Bff.Contracts;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Tests.Seed;

[Collection(nameof(SeedGeneratorTests))]
public sealed class SeedGeneratorTests
{
    [Fact]
    public void Two_generations_are_identical()
    {
        Assert.Equal(Json(SeedGenerator.Users()), Json(SeedGenerator.Users()));
        Assert.Equal(Json(SeedGenerator.Products()), Json(SeedGenerator.Products()));
        Assert.Equal(Json(SeedGenerator.Orders(SeedGenerator.Products())), Json(SeedGenerator.Orders(SeedGenerator.Products())));
        Assert.Equal(Json(SeedGenerator.Reviews()), Json(SeedGenerator.Reviews()));
    }

    [Fact]
    public void Datasets_have_the_documented_sizes_and_ids_from_1()
    {
        var products = SeedGenerator.Products();
        var datasets = new (IReadOnlyList<int> Ids, int Size)[]
        {
            ([.. SeedGenerator.Users().Select(u => u.Id)], 1_000),
            ([.. products.Select(p => p.Id)], 500),
            ([.. SeedGenerator.Orders(products).Select(o => o.Id)], 10_000),
            ([.. SeedGenerator.Reviews().Select(r => r.Id)], 20_000),
        };

        foreach (var (ids, size) in datasets)
        {
            Assert.Equal(Enumerable.Range(1, size), ids);
        }
    }

    [Fact]
    public void Demo_and_alice_are_users_1_and_2()
    {
        var users = SeedGenerator.Users();

        Assert.Equal(("demo", "Demo User"), (users[0].Username, users[0].DisplayName));
        Assert.Equal(("alice", "Alice Martin"), (users[1].Username, users[1].DisplayName));
        Assert.Equal(users.Count, users.Select(u => u.Username).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Demo_and_alice_have_several_orders_with_several_lines(int userId)
    {
        var orders = SeedGenerator.Orders(SeedGenerator.Products()).Where(o => o.UserId == userId).ToList();

        Assert.True(orders.Count >= 5, $"user {userId} has {orders.Count} orders");
        Assert.True(orders.Count(o => o.Items.Count >= 2) >= 5);
    }

    [Fact]
    public void Order_lines_use_product_prices_and_totals_add_up()
    {
        var products = SeedGenerator.Products();
        foreach (var order in SeedGenerator.Orders(products))
        {
            Assert.InRange(order.Items.Count, 1, 5);
            Assert.All(order.Items, i => Assert.Equal(products[i.ProductId - 1].Price, i.UnitPrice));
            Assert.Equal(order.Items.Sum(i => i.Quantity * i.UnitPrice), order.Total);
            Assert.Equal(order.Items.Count, order.Items.Select(i => i.ProductId).Distinct().Count());
        }
    }

    [Fact]
    public void Products_have_prices_stock_and_about_ten_categories()
    {
        var products = SeedGenerator.Products();

        Assert.All(products, p => Assert.True(p.Price > 0 && p.Stock >= 0 && p.Currency == "EUR"));
        Assert.Equal(10, products.Select(p => p.Category).Distinct().Count());
        Assert.Contains(products, p => p.Stock == 0);
    }

    [Fact]
    public void Reviews_rate_1_to_5_and_leave_the_last_products_unreviewed()
    {
        var reviews = SeedGenerator.Reviews();

        Assert.All(reviews, r => Assert.InRange(r.Rating, 1, 5));
        Assert.All(reviews, r => Assert.InRange(r.ProductId, 1, SeedSizes.LastReviewedProduct));
        Assert.Equal(5, reviews.Select(r => r.Rating).Distinct().Count());
    }

    [Fact]
    public void Generating_every_dataset_takes_well_under_a_second()
    {
        // Best of several runs: the machine is shared, and one slow run says more about it than about the seed.
        var best = long.MaxValue;
        for (var run = 0; run < 5 && best >= 500; run++)
        {
            var watch = Stopwatch.StartNew();
            _ = SeedGenerator.Users();
            _ = SeedGenerator.Orders(SeedGenerator.Products());
            _ = SeedGenerator.Reviews();
            best = Math.Min(best, watch.ElapsedMilliseconds);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"all datasets generated in {best} ms");
        Assert.True(best < 1_000, $"took {best} ms at best");
    }

    private static string Json<T>(IReadOnlyList<T> items) =>
        JsonSerializer.Serialize(items, typeof(IReadOnlyList<T>), ContractsJsonContext.Default.Options);
}
