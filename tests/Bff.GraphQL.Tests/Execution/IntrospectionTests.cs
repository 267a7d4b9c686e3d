using System.Text.Json;

namespace Bff.GraphQL.Tests.Execution;

public sealed class IntrospectionTests
{
    private static async Task<JsonElement> Run(string query)
    {
        var result = await new GraphQLRequestExecutor(TestSchema.Create()).ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    [Fact]
    public async Task Full_introspection_query_describes_every_type()
    {
        var data = await Run(IntrospectionQuery.Text);
        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Product", types);
        Assert.Contains("__Schema", types);
        Assert.Contains("ID", types);
        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Type_lookup_shows_wrappers_and_defaults()
    {
        var data = await Run("{ __type(name: \"Product\") { fields { name type { kind ofType { kind ofType { name } } } args { name defaultValue } } } }");
        var reviews = data.GetProperty("__type").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "reviews");
        Assert.Equal("NON_NULL", reviews.GetProperty("type").GetProperty("kind").GetString());
        Assert.Equal("LIST", reviews.GetProperty("type").GetProperty("ofType").GetProperty("kind").GetString());
        Assert.Equal("10", reviews.GetProperty("args")[0].GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task Typename_works_on_every_object()
    {
        var data = await Run("{ __typename node(id: \"r1\") { __typename } search(text: \"Ada\") { __typename } }");
        Assert.Equal("Query", data.GetProperty("__typename").GetString());
        Assert.Equal("User", data.GetProperty("search")[0].GetProperty("__typename").GetString());
    }
}
