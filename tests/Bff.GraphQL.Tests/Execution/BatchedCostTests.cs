using Bff.GraphQL.Execution;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Tests.Execution;

/// <summary>Cost tracks service calls: a batched field costs once where it appears, not once per parent.</summary>
public sealed class BatchedCostTests
{
    private static readonly GraphQLOptions Limit50 = new() { MaxComplexity = 50 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Schema Schema(bool batched) => new SchemaBuilder()
        .Query(q => q.Field("items", "[Item!]!", f => f
            .Cost(1, listSize: 100)
            .Resolve(_ => new[] { Node("1"), Node("2") })))
        .Object("Item", t => t
            .Field("id", "ID!", f => f.Cost(0))
            .Field("child", "Item", f =>
            {
                f.Argument("after", "String").Cost(10).Resolve(c => Node("c" + ((IReadOnlyDictionary<string, object?>)c.Source!)["id"]));
                if (batched)
                {
                    f.Batched(unlessArgument: "after");
                }
            }))
        .Build();

    private static Dictionary<string, object?> Node(string id) => new() { ["id"] = id };

    private static Task<ExecutionResult> RunAsync(bool batched, string query) =>
        new GraphQLRequestExecutor(Schema(batched), Limit50).ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: Ct);

    [Fact]
    public async Task Batched_field_under_a_list_costs_once()
    {
        var result = await RunAsync(batched: true, "{ items { child { id } } }");

        Assert.Empty(result.Errors);
        Assert.True(result.HasData);
    }

    [Fact]
    public async Task Same_field_without_batching_costs_once_per_parent()
    {
        var result = await RunAsync(batched: false, "{ items { child { id } } }");

        Assert.Equal(ErrorCodes.TooComplex, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("""{ items { child(after: "x") { id } } }""")]
    [InlineData("""query($a: String) { items { child(after: $a) { id } } }""")]
    public async Task Batched_field_given_its_unbatching_argument_costs_per_parent(string query)
    {
        var result = await RunAsync(batched: true, query);

        Assert.Equal(ErrorCodes.TooComplex, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Batched_field_given_null_for_its_unbatching_argument_still_batches()
    {
        var result = await RunAsync(batched: true, "{ items { child(after: null) { id } } }");

        Assert.Empty(result.Errors);
    }
}
