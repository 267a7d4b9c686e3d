using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bff.TestSupport.Processes;

namespace Bff.GraphQL.Tests.Http;

public sealed class GraphQLHttpEndpointTests(GraphQLServerFixture server) : IClassFixture<GraphQLServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> Post(string body, string contentType = "application/json", string? accept = null, string path = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return server.Client.SendAsync(request, Ct);
    }

    private static string Hash(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    [Fact]
    public async Task Post_query_returns_200_with_data_as_application_json_by_default()
    {
        using var response = await Post("{\"query\":\"{ product(id: \\\"p1\\\") { name } }\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"data\":{\"product\":{\"name\":\"Laptop\"}}}", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Graphql_response_json_is_used_when_accepted()
    {
        using var response = await Post("{\"query\":\"{ __typename }\"}", accept: "application/graphql-response+json, application/json;q=0.9");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Validation_error_is_200_with_json_and_400_with_graphql_response_json()
    {
        using var json = await Post("{\"query\":\"{ nope }\"}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("Cannot query field \\u0022nope\\u0022 on type \\u0022Query\\u0022.", await json.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var gql = await Post("{\"query\":\"{ nope }\"}", accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, gql.StatusCode);
    }

    [Fact]
    public async Task Bad_json_body_is_400()
    {
        using var response = await Post("{\"query\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var response = await Post("query { __typename }", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Missing_query_is_400()
    {
        using var response = await Post("{\"variables\":{}}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Must provide query string.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_object_variables_are_400()
    {
        using var response = await Post("{\"query\":\"{ __typename }\",\"variables\":\"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        using var response = await Post("{\"query\":\"{ __typename }\"}", accept: "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Get_query_runs_with_variables_from_the_query_string()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($id: ID!) { product(id: $id) { id } }") + "&variables=" + Uri.EscapeDataString("{\"id\":\"p2\"}");
        using var response = await server.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"data\":{\"product\":{\"id\":\"p2\"}}}", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_mutation_is_405_with_allow_post()
    {
        using var response = await server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { rename(id: \"p1\", name: \"x\") { id } }"), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Put_is_405()
    {
        using var response = await server.Client.PutAsync("/graphql", new StringContent("{}"), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_413()
    {
        var huge = "{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}}";
        using var response = await Post(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Persisted_query_unknown_hash_answers_not_found_then_registers()
    {
        const string query = "{ product(id: \"p3\") { name } }";
        var ext = "\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Hash(query) + "\"}}";
        using (var first = await Post("{" + ext + "}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains("PERSISTED_QUERY_NOT_FOUND", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var register = await Post("{\"query\":" + JsonSerializer.Serialize(query) + "," + ext + "}"))
        {
            Assert.Equal("{\"data\":{\"product\":{\"name\":\"Desk\"}}}", await register.Content.ReadAsStringAsync(Ct));
        }

        using var byHash = await Post("{" + ext + "}");
        Assert.Equal("{\"data\":{\"product\":{\"name\":\"Desk\"}}}", await byHash.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Persisted_query_hash_mismatch_is_refused()
    {
        var body = "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('0', 64) + "\"}}}";
        using var response = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PERSISTED_QUERY_HASH_MISMATCH", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_list_mode_runs_only_trusted_documents()
    {
        using var trusted = await Post("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Hash(GraphQLServerFixture.TrustedQuery) + "\"}}}", path: "/trusted");
        Assert.Equal("{\"data\":{\"product\":{\"name\":\"Laptop\"}}}", await trusted.Content.ReadAsStringAsync(Ct));
        using var other = await Post("{\"query\":\"{ __typename }\"}", path: "/trusted");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("PERSISTED_QUERY_NOT_ALLOWED", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphql_http_audit_passes_every_must_and_should()
    {
        var output = await NodeScript.RunAsync("tests/Bff.GraphQL.Tests/node/audit.js", [new Uri(server.BaseAddress, "/graphql").ToString()], null, Ct);
        using var results = JsonDocument.Parse(output);
        var failures = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() != "ok" && !r.GetProperty("name").GetString()!.StartsWith("MAY", StringComparison.Ordinal))
            .Select(r => r.GetProperty("name").GetString() + ": " + r.GetProperty("reason").GetString())
            .ToList();
        var all = results.RootElement.EnumerateArray().ToList();
        var summary = $"{all.Count} audits, {all.Count(r => r.GetProperty("status").GetString() == "ok")} ok; not ok: "
            + string.Join("; ", all.Where(r => r.GetProperty("status").GetString() != "ok").Select(r => r.GetProperty("name").GetString() + " (" + r.GetProperty("status").GetString() + ")"));
        TestContext.Current.SendDiagnosticMessage(summary);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "bff-graphql-audit.txt"), summary);
        Assert.True(results.RootElement.GetArrayLength() > 20);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
