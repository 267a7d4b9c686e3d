using Bff.GraphQL.Execution;

namespace Bff.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    private static async Task<string> Run(string query, IReadOnlyDictionary<string, object?>? variables = null, GraphQLOptions? options = null)
    {
        var executor = new GraphQLRequestExecutor(TestSchema.Create(), options);
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables }, cancellationToken: TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    [Fact]
    public async Task Resolves_nested_fields_with_fragments_and_aliases()
    {
        var json = await Run("{ p: product(id: \"p1\") { ...F reviews(first: 1) { stars author { name } } } } fragment F on Product { id name color }");
        Assert.Equal("{\"data\":{\"p\":{\"id\":\"p1\",\"name\":\"Laptop\",\"color\":\"RED\",\"reviews\":[{\"stars\":5,\"author\":{\"name\":\"Ada\"}}]}}}", json);
    }

    [Fact]
    public async Task Skip_and_include_follow_variables()
    {
        var json = await Run("query($s: Boolean!) { product(id: \"p2\") { id name @skip(if: $s) price @include(if: $s) } }", new Dictionary<string, object?> { ["s"] = true });
        Assert.Equal("{\"data\":{\"product\":{\"id\":\"p2\",\"price\":599}}}", json);
    }

    [Fact]
    public async Task Unions_and_interfaces_resolve_runtime_types()
    {
        var json = await Run("{ search(text: \"a\") { __typename ... on Named { name } ... on Product { price } } node(id: \"u2\") { id ... on User { name } } }");
        Assert.Equal("{\"data\":{\"search\":[{\"__typename\":\"Product\",\"name\":\"Laptop\",\"price\":999.5},{\"__typename\":\"User\",\"name\":\"Ada\"}],\"node\":{\"id\":\"u2\",\"name\":\"Linus\"}}}", json);
    }

    [Fact]
    public async Task Resolver_errors_become_field_errors_with_path_and_code()
    {
        var json = await Run("{ failing product(id: \"p1\") { id } }");
        Assert.Equal("{\"errors\":[{\"message\":\"boom\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"failing\"],\"extensions\":{\"code\":\"RESOLVER_ERROR\"}}],\"data\":{\"failing\":null,\"product\":{\"id\":\"p1\"}}}", json);
    }

    [Fact]
    public async Task Null_in_non_null_field_propagates_to_nearest_nullable_parent()
    {
        var json = await Run("{ product(id: \"p1\") { id mustExist } products { id } }");
        Assert.Contains("\"data\":{\"product\":null,\"products\":[{\"id\":\"p1\"},{\"id\":\"p2\"},{\"id\":\"p3\"}]}", json, StringComparison.Ordinal);
        Assert.Contains("Cannot return null for non-nullable field Product.mustExist.", json, StringComparison.Ordinal);
        Assert.Contains("\"path\":[\"product\",\"mustExist\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_propagates_to_data_when_root_field_is_non_null()
    {
        var json = await Run("{ failingNonNull }");
        Assert.StartsWith("{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Query.failingNonNull.\"", json, StringComparison.Ordinal);
        Assert.EndsWith("\"data\":null}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_are_coerced_including_input_objects_and_enums()
    {
        var json = await Run(
            "query($f: ProductFilter) { products(filter: $f) { id } }",
            new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["color"] = "BLUE" } });
        Assert.Equal("{\"data\":{\"products\":[{\"id\":\"p2\"}]}}", json);
    }

    [Fact]
    public async Task Invalid_variables_are_refused_before_execution()
    {
        var json = await Run("query($n: Int) { echo(num: $n) }", new Dictionary<string, object?> { ["n"] = "abc" });
        Assert.Equal("{\"errors\":[{\"message\":\"Variable \\u0022$n\\u0022 has invalid value: Int cannot represent non-integer value: \\u0022abc\\u0022\",\"locations\":[{\"line\":1,\"column\":7}],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}", json);
    }

    [Fact]
    public async Task Arguments_get_defaults_and_single_values_become_lists()
    {
        var json = await Run("{ echo(num: 3, list: 7) }");
        Assert.Equal("{\"data\":{\"echo\":\"flag=false,list=[7],num=3\"}}", json);
    }

    [Fact]
    public async Task OneOf_input_accepts_exactly_one_field()
    {
        Assert.Equal("{\"data\":{\"find\":{\"id\":\"p2\"}}}", await Run("{ find(ref: { name: \"Phone\" }) { id } }"));
        Assert.Contains("exactly one field must be specified", await Run("{ find(ref: { name: \"Phone\", id: \"p1\" }) { id } }"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutations_run_serially_in_document_order()
    {
        var json = await Run("mutation { a: rename(id: \"p1\", name: \"A\") { name } b: rename(id: \"p1\", name: \"B\") { name } }");
        Assert.Equal("{\"data\":{\"a\":{\"name\":\"A\"},\"b\":{\"name\":\"B\"}}}", json);
    }

    [Fact]
    public async Task Execution_timeout_cancels_resolvers_and_reports_code()
    {
        var schema = new global::Bff.GraphQL.Types.SchemaBuilder()
            .Query(q => q.Field("slow", "String", async c =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), c.CancellationToken);
                return "done";
            }))
            .Build();
        var executor = new GraphQLRequestExecutor(schema, new GraphQLOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ slow }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.Timeout);
        Assert.Null(result.Data!["slow"]);
    }
}
