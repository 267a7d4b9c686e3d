using Bff.GraphQL.Types;

namespace Bff.GraphQL.Tests.Execution;

public sealed class DataLoaderTests
{
    private sealed record Order(string Id, string ProductId);

    private sealed record Item(string Id, string Name, string MakerId);

    [Fact]
    public async Task A_list_of_n_items_costs_one_batch_call_per_level()
    {
        var productCalls = 0;
        var makerCalls = 0;
        var batchSizes = new List<int>();
        var orders = Enumerable.Range(1, 50).Select(i => new Order("o" + i, "p" + (i % 7))).ToList();
        var schema = new SchemaBuilder()
            .Query(q => q.Field("orders", "[Order!]!", _ => orders))
            .Object("Order", t => t
                .Field("id", "ID!")
                .Field("product", "Product", async c =>
                {
                    var loader = c.DataLoader<string, Item>("items", async (keys, ct) =>
                    {
                        Interlocked.Increment(ref productCalls);
                        lock (batchSizes)
                        {
                            batchSizes.Add(keys.Count);
                        }

                        await Task.Delay(10, ct);
                        return keys.ToDictionary(k => k, k => new Item(k, "Item " + k, "m" + k[^1]));
                    });
                    return await loader.LoadAsync(c.Parent<Order>().ProductId);
                }))
            .Object("Product", t => t
                .Field("id", "ID!")
                .Field("name", "String!")
                .Field("maker", "String", async c =>
                {
                    var loader = c.DataLoader<string, string>("makers", async (keys, ct) =>
                    {
                        Interlocked.Increment(ref makerCalls);
                        await Task.Yield();
                        return keys.ToDictionary(k => k, k => "Maker " + k);
                    });
                    return await loader.LoadAsync(c.Parent<Item>().MakerId);
                }))
            .Build();
        var executor = new GraphQLRequestExecutor(schema);
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ orders { id product { id name maker } } }" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(1, productCalls);
        Assert.Equal([7], batchSizes);
        Assert.Equal(1, makerCalls);
        Assert.Contains("\"maker\":\"Maker m1\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_batch_fails_each_waiting_field()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("items", "[String]", _ => new[] { "a", "b" }))
            .Build();
        var withLoader = new SchemaBuilder()
            .Query(q => q.Field("xs", "[X]", _ => new[] { 1, 2, 3 }))
            .Object("X", t => t.Field("v", "String", async c =>
            {
                var loader = c.DataLoader<int, string>("bad", (_, _) => throw new InvalidOperationException("upstream down"));
                return await loader.LoadAsync(c.Parent<int>());
            }))
            .Build();
        Assert.NotNull(schema);
        var result = await new GraphQLRequestExecutor(withLoader).ExecuteAsync(new GraphQLRequest { Query = "{ xs { v } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("upstream down", e.Message));
    }

    private sealed class SquareLoader : DataLoader<int, int>
    {
        public static int Calls;

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * k));
        }
    }

    [Fact]
    public async Task Subclassed_loader_caches_keys_per_request_and_batches_duplicates()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("squares", "[Int]", _ => new[] { 2, 3, 2, 3, 4 }))
            .Object("Query", t => t.Field("n", "[N]", _ => new[] { 2, 3, 2, 3, 4 }))
            .Object("N", t => t.Field("square", "Int", async c => await c.DataLoader<SquareLoader>().LoadAsync(c.Parent<int>())))
            .Build();
        var executor = new GraphQLRequestExecutor(schema);
        SquareLoader.Calls = 0;
        var first = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ n { square } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("{\"data\":{\"n\":[{\"square\":4},{\"square\":9},{\"square\":4},{\"square\":9},{\"square\":16}]}}", first.ToJson());
        Assert.Equal(1, SquareLoader.Calls);
        await executor.ExecuteAsync(new GraphQLRequest { Query = "{ n { square } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, SquareLoader.Calls);
    }
}
