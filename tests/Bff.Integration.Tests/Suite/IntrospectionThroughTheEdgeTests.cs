using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bff.TestSupport.Paths;

namespace Bff.Integration.Tests.Suite;

/// <summary>
/// In Development, the introspection documents tools send answer through the edge under the web BFF's shipped limits,
/// and introspection's own caps refuse what would blow up; the IDE page is the only anonymous GraphQL request.
/// </summary>
[Collection(DevelopmentSuiteCollection.Name)]
public sealed class IntrospectionThroughTheEdgeTests(DevelopmentSuiteFixture suite)
{
    private static readonly string DocumentsFolder = Path.Combine(RepoPaths.Root, "tests", "Bff.GraphQL.Tests", "Introspection", "Documents");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Documents() => [.. Directory.GetFiles(DocumentsFolder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Standard_introspection_document_answers_through_the_edge(string name)
    {
        var (status, body) = await PostAsync(await File.ReadAllTextAsync(Path.Combine(DocumentsFolder, name + ".graphql"), Ct));

        Assert.True(status == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{(int)status}: {body}");
        var types = body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Contains("Product", types);
    }

    [Fact]
    public async Task Fifty_type_aliases_are_refused_with_the_introspection_code()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 50).Select(i => $"t{i}: __type(name: \"Product\") {{ name }} ")) + "}";

        var (status, body) = await PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("MAX_INTROSPECTION_FIELDS_EXCEEDED", SingleErrorCode(body));
    }

    [Fact]
    public async Task An_ofType_chain_deeper_than_the_cap_is_refused_with_the_introspection_code()
    {
        var query = "{ __type(name: \"Product\") { name " + string.Concat(Enumerable.Repeat("ofType { kind ", 17)) + new string('}', 17) + " } }";

        var (_, body) = await PostAsync(query);

        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", SingleErrorCode(body));
    }

    [Theory]
    [InlineData("GET", "text/html,application/xhtml+xml,*/*;q=0.8", HttpStatusCode.OK)]
    [InlineData("GET", "application/json", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "text/html", HttpStatusCode.Unauthorized)]
    public async Task Only_the_IDE_page_is_served_without_a_token(string method, string accept, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/graphql", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { query = "{ __typename }" });
        }

        using var response = await suite.Edge.Client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query)
    {
        var token = await suite.Identity.UserTokenAsync("demo", "web-app", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query }) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await suite.Edge.Client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static string? SingleErrorCode(JsonElement body) =>
        Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString();
}
