using System.Net;
using System.Text;
using Bff.GraphQL.Tests.Http;

namespace Bff.GraphQL.Tests.Execution;

/// <summary>Hostile documents are refused before any resolver runs, each with a clear error code.</summary>
public sealed class AttackInputTests(GraphQLServerFixture server) : IClassFixture<GraphQLServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<GraphQLError> Refused(string query, GraphQLOptions? options = null)
    {
        var resolved = 0;
        var schema = new global::Bff.GraphQL.Types.SchemaBuilder()
            .AddSdl(TestSchema.Sdl)
            .Resolve("Query", "product", _ =>
            {
                Interlocked.Increment(ref resolved);
                return null;
            })
            .Build();
        var result = await new GraphQLRequestExecutor(schema, options).ExecuteAsync(new GraphQLRequest { Query = query }, cancellationToken: Ct);
        Assert.False(result.HasData);
        Assert.Equal(0, resolved);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public async Task Ten_thousand_deep_nesting_is_refused_by_the_parser()
    {
        var query = string.Concat(Enumerable.Repeat("{ product(id: 1) ", 10_000)) + new string('}', 10_000);
        Assert.Equal(ErrorCodes.DocumentTooLarge, (await Refused(query)).Code);
        Assert.Equal(ErrorCodes.TooDeep, (await Refused(query, new GraphQLOptions { MaxDocumentBytes = 10_000_000 })).Code);
    }

    [Fact]
    public async Task Ten_thousand_aliases_are_refused_by_the_token_limit()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}";
        Assert.Equal(ErrorCodes.DocumentTooLarge, (await Refused(query)).Code);
        Assert.Equal(ErrorCodes.TooManyTokens, (await Refused(query, new GraphQLOptions { MaxDocumentBytes = 10_000_000 })).Code);
    }

    [Fact]
    public async Task Too_many_aliases_under_the_token_limit_are_refused()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"a{i}: product(id: {i}) {{ id }} ")) + "}";
        var error = await Refused(query, new GraphQLOptions { MaxRootFields = 1000 });
        Assert.Equal(ErrorCodes.TooManyAliases, error.Code);
    }

    [Fact]
    public async Task Fragment_cycles_are_refused_by_validation()
    {
        var error = await Refused("{ ...A } fragment A on Query { product(id: 1) { id } ...B } fragment B on Query { ...A }");
        Assert.Equal("Cannot spread fragment \"A\" within itself via \"B\".", error.Message);
        Assert.Equal("NoFragmentCyclesRule", error.Rule);
    }

    [Fact]
    public async Task Fragment_fan_out_bomb_is_refused_as_too_complex()
    {
        var sb = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 40; i++)
        {
            sb.Append($" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        }

        sb.Append(" fragment F40 on Query { product(id: 1) { id } }");
        var error = await Refused(sb.ToString(), new GraphQLOptions { MaxComplexity = int.MaxValue });
        Assert.Equal(ErrorCodes.TooComplex, error.Code);
    }

    [Fact]
    public async Task Directive_flood_is_refused()
    {
        var flood = "{ product(id: 1) { id " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 2000)) + "} }";
        Assert.Equal(ErrorCodes.TooManyTokens, (await Refused(flood)).Code);
        var smaller = "{ product(id: 1) { id " + string.Concat(Enumerable.Repeat("@include(if: true) ", 60)) + "} }";
        Assert.Equal(ErrorCodes.TooManyDirectives, (await Refused(smaller)).Code);
    }

    [Fact]
    public async Task Introspection_depth_bomb_is_refused_by_the_introspection_rule()
    {
        var query = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 10)) + "name" + new string('}', 20) + " } } }";
        Assert.Equal(ErrorCodes.IntrospectionTooDeep, (await Refused(query)).Code);
    }

    [Fact]
    public async Task Introspection_can_be_disabled()
    {
        Assert.Equal(ErrorCodes.IntrospectionDisabled, (await Refused("{ __schema { types { name } } }", new GraphQLOptions { EnableIntrospection = false })).Code);
    }

    [Fact]
    public async Task Expensive_list_nesting_is_refused_by_the_complexity_limit()
    {
        var error = await Refused("{ products { reviews { author { name } } } }", new GraphQLOptions { MaxComplexity = 50 });
        Assert.Equal(ErrorCodes.TooComplex, error.Code);
    }

    [Fact]
    public async Task Too_many_root_fields_are_refused()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 25).Select(i => $"f{i}: product(id: {i}) {{ id }} ")) + "}";
        Assert.Equal(ErrorCodes.TooManyRootFields, (await Refused(query, new GraphQLOptions { MaxAliases = 100 })).Code);
    }

    [Fact]
    public async Task Oversized_document_is_refused()
    {
        var query = "{ product(id: \"" + new string('x', 100_000) + "\") { id } }";
        Assert.Equal(ErrorCodes.DocumentTooLarge, (await Refused(query)).Code);
    }

    [Fact]
    public async Task Deeply_nested_list_variables_are_refused_with_400()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);
        using var content = new StringContent("{\"query\":\"query($l: [Int]) { echo(list: $l) }\",\"variables\":{\"l\":" + nested + "}}", Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/graphql", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_variables_are_refused_with_413()
    {
        var items = string.Join(",", Enumerable.Repeat("1", 600_000));
        using var content = new StringContent("{\"query\":\"query($l: [Int]) { echo(list: $l) }\",\"variables\":{\"l\":[" + items + "]}}", Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/graphql", content, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
