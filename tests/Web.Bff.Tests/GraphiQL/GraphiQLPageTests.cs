using System.Net;
using Bff.TestSupport.Paths;
using Web.Bff.Tests.Integration;
using Web.Bff.Tests.Support;

namespace Web.Bff.Tests.GraphiQL;

/// <summary>The GraphiQL IDE of Development, straight on the BFF (the browser test through the edge is in Bff.Integration.Tests).</summary>
public sealed class GraphiQLPageTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_GET_of_graphql_gets_the_IDE_page_without_an_edge_assertion()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/graphql/ide/graphiql.min.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("\"username\":\"demo\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphiql.min.js", "graphiql/graphiql.min.js")]
    [InlineData("graphiql.min.css", "graphiql/graphiql.min.css")]
    [InlineData("react.production.min.js", "react/umd/react.production.min.js")]
    [InlineData("react-dom.production.min.js", "react-dom/umd/react-dom.production.min.js")]
    public async Task IDE_assets_are_the_pinned_npm_files_byte_for_byte(string asset, string packageFile)
    {
        var pinned = Path.Combine(RepoPaths.Root, "tools", "node", "node_modules", packageFile);
        Assert.True(File.Exists(pinned), $"{pinned} is missing: run npm ci --prefix tools/node (./test.sh does)");

        using var response = await GetAsync("/graphql/ide/" + asset, "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(pinned, Ct), await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/graphql", "application/json")]
    [InlineData("/graphql?query=%7B__typename%7D", BrowserAccept)]
    public async Task GraphQL_requests_still_need_the_edge_assertion(string path, string accept)
    {
        using var response = await GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Client.SendAsync(request, Ct);
    }
}
