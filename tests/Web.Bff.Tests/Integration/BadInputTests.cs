using System.Security.Cryptography;
using System.Text;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>Every kind of bad request gets its exact error, and none reaches a domain service.</summary>
public sealed class BadInputTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Malformed_document_is_a_400_parse_error()
    {
        var (status, body) = await QueryAsync("{ viewer { id ");

        Assert.Equal(400, status);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", SingleError(body, "GRAPHQL_PARSE_FAILED").GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Unknown_field_is_a_400_validation_error()
    {
        var (status, body) = await QueryAsync("{ viewer { password } }");

        Assert.Equal(400, status);
        Assert.Equal("Cannot query field \"password\" on type \"Viewer\".", SingleError(body, "GRAPHQL_VALIDATION_FAILED").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Wrong_variable_type_is_a_400_with_the_variable_named()
    {
        var (status, body) = await QueryAsync("query($first: Int) { viewer { orders(first: $first) { edges { cursor } } } }", new { first = "ten" });

        Assert.Equal(400, status);
        Assert.Equal("Variable \"$first\" has invalid value: Int cannot represent non-integer value: \"ten\"", SingleError(body, "BAD_USER_INPUT").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Non_numeric_product_id_is_null_with_BAD_USER_INPUT_at_its_path()
    {
        var (status, body) = await QueryAsync("""{ product(id: "abc") { name } }""");

        Assert.Equal(200, status);
        var error = SingleError(body, "BAD_USER_INPUT");
        Assert.Equal("Invalid id \"abc\" for \"id\": expected a positive integer.", error.GetProperty("message").GetString());
        Assert.Equal("product", PathOf(error));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").GetProperty("product").ValueKind);
        Assert.Equal(0, (await Stubs.StatsAsync("products")).Total);
    }

    [Fact]
    public async Task Unknown_product_is_null_with_NOT_FOUND()
    {
        var (_, body) = await QueryAsync("""{ product(id: "99999999") { name } }""");

        Assert.Equal("No product with id 99999999.", SingleError(body, "NOT_FOUND").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_users_order_is_NOT_FOUND_like_an_unknown_one()
    {
        var (_, theirs) = await QueryAsync("""{ viewer { order(id: "2") { id } } }""", subject: "1");
        var (_, mine) = await QueryAsync("""{ viewer { order(id: "1") { id } } }""", subject: "1");

        Assert.Equal("No order with id 2.", SingleError(theirs, "NOT_FOUND").GetProperty("message").GetString());
        Assert.Equal("1", mine.GetProperty("data").GetProperty("viewer").GetProperty("order").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(0, "\"first\" must be between 1 and 50, got 0.")]
    [InlineData(51, "\"first\" must be between 1 and 50, got 51.")]
    public async Task First_out_of_range_is_BAD_USER_INPUT(int first, string message)
    {
        var (_, body) = await QueryAsync("query($first: Int) { viewer { orders(first: $first) { edges { cursor } } } }", new { first });

        Assert.Equal(message, SingleError(body, "BAD_USER_INPUT").GetProperty("message").GetString());
        Assert.Equal(0, (await Stubs.StatsAsync("orders")).Total);
    }

    [Fact]
    public async Task Forged_cursor_is_BAD_USER_INPUT()
    {
        var (_, garbage) = await QueryAsync("""{ viewer { orders(after: "not-a-cursor") { edges { cursor } } } }""");
        var tampered = Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:0:forged")).TrimEnd('=');
        var (_, upstream) = await QueryAsync("query($after: String) { viewer { orders(after: $after) { edges { cursor } } } }", new { after = tampered });

        Assert.Equal("Invalid cursor for \"after\": pass an edge cursor or endCursor from this connection.", SingleError(garbage, "BAD_USER_INPUT").GetProperty("message").GetString());
        SingleError(upstream, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task Too_deep_query_is_refused_before_any_call()
    {
        var (status, body) = await QueryAsync("""
            { review(id: "1") { product { reviews(first: 1) { edges { node { product { reviews(first: 1) { edges { node { product { price { amount } } } } } } } } } } } }
            """);

        Assert.Equal(400, status);
        Assert.Equal("Operation exceeds the maximum depth of 11.", SingleError(body, "MAX_DEPTH_EXCEEDED").GetProperty("message").GetString());
        Assert.Empty(await Stubs.AllRoutesAsync());
    }

    [Fact]
    public async Task Reviews_after_a_cursor_for_every_product_of_every_order_exceed_the_cost_limit()
    {
        // A page after a cursor is one reviews call per product (first pages are batched, ReviewsPerProductTests).
        var (status, body) = await QueryAsync("""
            { viewer { orders(first: 50) { edges { node { items { product { reviews(first: 50, after: "djE6MDo") { edges { node { author { displayName } } } } } } } } } } }
            """);

        Assert.Equal(400, status);
        Assert.Equal("Operation cost exceeds the maximum complexity of 1000.", SingleError(body, "MAX_COMPLEXITY_EXCEEDED").GetProperty("message").GetString());
        Assert.Empty(await Stubs.AllRoutesAsync());
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        var query = "{ viewer { " + string.Join(' ', Enumerable.Range(1, 16).Select(i => $"a{i}: id")) + " } }";

        var (status, body) = await QueryAsync(query);

        Assert.Equal(400, status);
        Assert.Equal("Operation uses more than the maximum of 15 aliases.", SingleError(body, "MAX_ALIASES_EXCEEDED").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Persisted_query_runs_by_hash_after_it_was_registered_once()
    {
        const string Query = "{ viewer { id } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var (_, unknown) = await SendAsync(Client, Post(Keys.Sign(), null, extensions: extensions));
        var (_, registered) = await SendAsync(Client, Post(Keys.Sign(), Query, extensions: extensions));
        var (_, byHash) = await SendAsync(Client, Post(Keys.Sign(), null, extensions: extensions));

        Assert.Equal("PersistedQueryNotFound", SingleError(unknown, "PERSISTED_QUERY_NOT_FOUND").GetProperty("message").GetString());
        Assert.Equal("1", registered.GetProperty("data").GetProperty("viewer").GetProperty("id").GetString());
        Assert.Equal("1", byHash.GetProperty("data").GetProperty("viewer").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Introspection_is_on_in_Development()
    {
        var (_, body) = await QueryAsync("{ __type(name: \"Product\") { fields { name description } } }");

        Assert.Empty(ErrorsOf(body));
        var fields = body.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray().ToList();
        Assert.Contains("rating", fields.Select(f => f.GetProperty("name").GetString()));
        Assert.All(fields, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("description").GetString())));
    }
}
