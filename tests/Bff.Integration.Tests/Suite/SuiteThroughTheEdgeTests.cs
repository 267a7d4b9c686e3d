using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bff.Integration.Tests.Suite;

/// <summary>Each client's screen through the real edge, with real tokens, BFFs and domain stubs.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SuiteThroughTheEdgeTests(SuiteFixture suite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mobile_home_answers_the_demo_users_screen_through_the_edge()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);

        // The first answer of freshly started processes pays for JIT compilation and may miss the 300 ms budget.
        (await GetAsync("/mobile/home", token)).Dispose();
        using var response = await GetAsync("/mobile/home", token);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.True(response.Headers.Contains("RateLimit"));
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Demo User", body.RootElement.GetProperty("displayName").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("sections").GetProperty("profile").GetString());

        // On a busy machine a non-core section may still miss its budget: then it is named.
        var notOk = body.RootElement.GetProperty("sections").EnumerateObject().Where(s => s.Value.GetString() != "ok").Select(s => s.Name);
        Assert.Equal(notOk.Order(), body.RootElement.GetProperty("degraded").EnumerateArray().Select(d => d.GetString()!).Order());
    }

    [Fact]
    public async Task Graphql_viewer_query_answers_through_the_edge()
    {
        var token = await suite.Identity.UserTokenAsync("alice", "web-app", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("""{"query":"{ viewer { id unreadCount } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await suite.Edge.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        Assert.Equal("2", body.GetProperty("data").GetProperty("viewer").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Partner_pages_its_orders_with_a_client_credentials_token_and_v1_is_marked_deprecated()
    {
        var token = await suite.Identity.PartnerTokenAsync("partner-gold", Ct);

        using var v2 = await GetAsync("/partner/v2/orders?limit=2", token);
        using var v1 = await GetAsync("/partner/v1/orders?limit=2", token);

        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.True(v1.Headers.Contains("Deprecation"));
        Assert.True(v1.Headers.Contains("Sunset"));
        Assert.False(v2.Headers.Contains("Deprecation"));
        Assert.StartsWith("\"partner-gold\"", v2.Headers.GetValues("RateLimit-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_openapi_document_is_public_through_the_edge()
    {
        using var response = await suite.Edge.Client.GetAsync(new Uri("/partner/v2/openapi.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task App_token_is_refused_on_the_partner_api()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "web-app", Ct);

        using var response = await GetAsync("/partner/v2/orders", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Mobile.Bff", "/mobile/home")]
    [InlineData("Partner.Bff", "/partner/v2/orders")]
    [InlineData("Web.Bff", "/graphql?query=%7B__typename%7D")]
    public async Task Bff_called_directly_with_a_valid_token_but_no_edge_assertion_answers_401(string bff, string path)
    {
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        using var client = new HttpClient { BaseAddress = suite.Services[bff].BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await suite.Edge.Client.SendAsync(request, Ct);
    }
}
