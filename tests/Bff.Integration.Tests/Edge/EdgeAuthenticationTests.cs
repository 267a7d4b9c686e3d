using System.Net;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;

namespace Bff.Integration.Tests.Edge;

/// <summary>The edge in front of a recording upstream, with tokens from the real identity stub.</summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class EdgeAuthenticationTests(EdgeSuiteFixture suite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_without_a_token_is_refused_with_401_and_a_bearer_challenge()
    {
        var path = UniquePath("/mobile");

        using var response = await suite.Edge.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(suite.Upstream.To(path));
    }

    [Fact]
    public async Task Valid_user_token_reaches_the_upstream_as_an_edge_identity_jwt_without_the_token()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path, ("Authorization", "Bearer " + token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(suite.Upstream.To(path));
        Assert.False(seen.ContainsKey("Authorization"));
        var identity = await suite.Keys.ReadAsync(seen[EdgeIdentityToken.HeaderName], "mobile-bff");
        Assert.Equal("1", identity.Subject);
        Assert.Equal("mobile-app", identity.ClientId);
    }

    [Fact]
    public async Task Client_sent_identity_headers_are_stripped_before_the_upstream()
    {
        var token = await suite.Identity.UserTokenAsync("alice", "mobile-app", Ct);
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path,
            ("Authorization", "Bearer " + token), ("X-User-Id", "1"), ("X-Edge-Identity", "v1.forged.sig"), ("X-Forwarded-User", "admin"), ("X-Client-Plan", "gold"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(suite.Upstream.To(path));
        Assert.False(seen.ContainsKey("X-User-Id"));
        Assert.False(seen.ContainsKey("X-Forwarded-User"));
        Assert.False(seen.ContainsKey("X-Client-Plan"));
        var identity = await suite.Keys.ReadAsync(seen[EdgeIdentityToken.HeaderName], "mobile-bff");
        Assert.Equal("2", identity.Subject);
    }

    [Fact]
    public async Task Identity_headers_are_stripped_on_anonymous_routes_too()
    {
        var path = UniquePath("/open");

        using var response = await SendAsync(path, ("X-User-Id", "1"), ("X-Edge-Identity", "v1.forged.sig"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(suite.Upstream.To(path));
        Assert.False(seen.ContainsKey("X-User-Id"));
        Assert.False(seen.ContainsKey(EdgeIdentityToken.HeaderName));
    }

    [Fact]
    public async Task Tampered_token_is_refused_with_invalid_token()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        var parts = token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        claims["sub"] = JsonSerializer.SerializeToElement("2");
        var forged = $"{parts[0]}.{Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path, ("Authorization", "Bearer " + forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(suite.Upstream.To(path));
    }

    [Fact]
    public async Task Duplicate_authorization_headers_are_refused()
    {
        var token = "Bearer " + await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path, ("Authorization", token), ("Authorization", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(suite.Upstream.To(path));
    }

    [Fact]
    public async Task Token_of_100_KiB_never_reaches_the_upstream()
    {
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path, ("Authorization", "Bearer " + new string('a', 100 * 1024)));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode.ToString());
        Assert.Empty(suite.Upstream.To(path));
    }

    [Fact]
    public async Task Web_app_token_on_a_mobile_only_route_is_forbidden()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "web-app", Ct);
        var path = UniquePath("/mobile");

        using var response = await SendAsync(path, ("Authorization", "Bearer " + token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("client_not_allowed", await ProblemCodeAsync(response));
        Assert.Empty(suite.Upstream.To(path));
    }

    [Fact]
    public async Task Partner_without_the_write_scope_is_forbidden_naming_the_scope()
    {
        var token = await suite.Identity.PartnerTokenAsync("partner-free", Ct);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/partner/v2/orders", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await suite.Edge.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("scope=\"partner.write\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("insufficient_scope", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task Partner_api_key_is_accepted_and_forwarded_as_the_partner_with_its_plan()
    {
        var path = UniquePath("/partner/v1");

        using var response = await SendAsync(path, ("X-Api-Key", EdgeSuiteFixture.PartnerApiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(suite.Upstream.To(path));
        Assert.False(seen.ContainsKey("X-Api-Key"));
        var identity = await suite.Keys.ReadAsync(seen[EdgeIdentityToken.HeaderName], "partner-bff");
        Assert.Equal("partner-gold", identity.ClientId);
        Assert.Equal("gold", identity.Plan);
    }

    [Fact]
    public async Task Wrong_api_key_is_refused()
    {
        var path = UniquePath("/partner/v1");

        using var response = await SendAsync(path, ("X-Api-Key", "gold-key-1.not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(suite.Upstream.To(path));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await suite.Edge.Client.SendAsync(request, Ct);
    }

    private static string UniquePath(string prefix) => $"{prefix}/{Guid.NewGuid():N}";

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("code").GetString();
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
