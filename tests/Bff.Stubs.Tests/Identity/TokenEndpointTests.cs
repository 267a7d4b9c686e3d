using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Bff.Contracts;
using Bff.Stubs.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.Stubs.Tests.Identity;

public sealed class TokenEndpointTests(IdentityStub stub) : IClassFixture<IdentityStub>
{
    private readonly HttpClient _client = stub.CreateClient();

    [Fact]
    public async Task Discovery_points_at_the_issuer_jwks_and_token_endpoint()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/.well-known/openid-configuration", Http.Ct));
        var root = document.RootElement;

        Assert.Equal("http://127.0.0.1:5200", root.GetProperty("issuer").GetString());
        Assert.Equal("http://127.0.0.1:5200/.well-known/jwks.json", root.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://127.0.0.1:5200/connect/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal(["RS256"], root.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("client_credentials", root.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Jwks_publishes_rsa_signing_keys()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/.well-known/jwks.json", Http.Ct));
        var key = document.RootElement.GetProperty("keys")[0];

        Assert.Equal(("RSA", "sig", "RS256"), (key.GetProperty("kty").GetString(), key.GetProperty("use").GetString(), key.GetProperty("alg").GetString()));
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.Equal(256, Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(key.GetProperty("n").GetString()).Length);
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Theory]
    [InlineData("demo", "demo-password", "web-app", "1", "Demo User")]
    [InlineData("alice", "alice-password", "mobile-app", "2", "Alice Martin")]
    public async Task Password_grant_issues_a_user_token_that_verifies(string user, string password, string clientId, string sub, string name)
    {
        var token = await TokenClient.PasswordAsync(_client, user, password, clientId);

        var result = await TokenClient.ValidateAsync(_client, token.AccessToken);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal((sub, clientId, name, user), (jwt.Subject, jwt.GetClaim("client_id").Value, jwt.GetClaim("name").Value, jwt.GetClaim("preferred_username").Value));
        Assert.Equal("openid profile api", jwt.GetClaim("scope").Value);
        Assert.Equal(("Bearer", 900, "openid profile api"), (token.TokenType, token.ExpiresIn, token.Scope));
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
        Assert.Equal(jwt.IssuedAt, jwt.ValidFrom);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal("RS256", jwt.Alg);
    }

    [Theory]
    [InlineData("partner-free", "partner-free-secret", "free", null, "partner.read")]
    [InlineData("partner-gold", "partner-gold-secret", "gold", null, "partner.read partner.write")]
    [InlineData("partner-gold", "partner-gold-secret", "gold", "partner.read", "partner.read")]
    public async Task Client_credentials_issue_a_partner_token_with_plan_and_scopes(string clientId, string secret, string plan, string? asked, string granted)
    {
        (string, string)[] form = asked is null
            ? [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)]
            : [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", asked)];
        using var response = await TokenClient.RequestAsync(_client, form);
        var token = await TokenClient.ReadOkAsync(response);

        var result = await TokenClient.ValidateAsync(_client, token.AccessToken);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal((clientId, clientId, plan, granted), (jwt.Subject, jwt.GetClaim("client_id").Value, jwt.GetClaim("plan").Value, jwt.GetClaim("scope").Value));
        Assert.False(jwt.TryGetClaim("name", out _));
        Assert.Equal(granted, token.Scope);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Client_credentials_accept_http_basic_client_authentication()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("partner-free:partner-free-secret")));

        using var response = await _client.SendAsync(request, Http.Ct);

        Assert.Equal("partner.read", (await TokenClient.ReadOkAsync(response)).Scope);
    }

    [Fact]
    public async Task A_token_checked_for_another_issuer_or_audience_or_tampered_does_not_verify()
    {
        var token = (await TokenClient.PasswordAsync(_client)).AccessToken;
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"sub\":\"1\"", "\"sub\":\"2\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.True((await TokenClient.ValidateAsync(_client, token)).IsValid);
        Assert.False((await TokenClient.ValidateAsync(_client, token, issuer: "http://evil")).IsValid);
        Assert.False((await TokenClient.ValidateAsync(_client, token, audience: "other-api")).IsValid);
        Assert.False((await TokenClient.ValidateAsync(_client, tampered)).IsValid);
    }

    [Theory]
    [InlineData("grant_type=password&username=demo&password=demo-password&client_id=web-app", "application/json", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=password&username=demo&password=demo-password&client_id=web-app", "text/plain", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("username=demo&password=demo-password&client_id=web-app", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=password&grant_type=password&username=demo&password=demo-password&client_id=web-app", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=authorization_code&code=x&client_id=web-app", null, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type=refresh_token&refresh_token=x", null, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type=password&username=demo&password=wrong&client_id=web-app", null, HttpStatusCode.BadRequest, "invalid_grant")]
    [InlineData("grant_type=password&username=nobody&password=demo-password&client_id=web-app", null, HttpStatusCode.BadRequest, "invalid_grant")]
    [InlineData("grant_type=password&username=demo&client_id=web-app", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=password&username=demo&password=demo-password&client_id=unknown-app", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=password&username=demo&password=demo-password", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=password&username=demo&password=demo-password&client_id=web-app&scope=partner.write", null, HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type=password&username=demo&password=demo-password&client_id=partner-gold&client_secret=partner-gold-secret", null, HttpStatusCode.BadRequest, "unauthorized_client")]
    [InlineData("grant_type=client_credentials&client_id=partner-free&client_secret=wrong", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id=partner-free", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id=partner-free&client_secret=partner-free-secret&scope=partner.write", null, HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type=client_credentials&client_id=partner-free&client_secret=partner-free-secret&scope=partner.read%20admin", null, HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type=client_credentials&client_id=web-app", null, HttpStatusCode.BadRequest, "unauthorized_client")]
    public async Task Bad_token_requests_get_rfc_6749_errors(string body, string? contentType, HttpStatusCode status, string error)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync("/connect/token", content, Http.Ct);

        var text = await response.Content.ReadAsStringAsync(Http.Ct);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        var answer = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.TokenError, Http.Ct);
        Assert.Equal(error, answer!.Error);
        Assert.False(string.IsNullOrEmpty(answer.ErrorDescription));
    }

    [Fact]
    public async Task Wrong_basic_credentials_get_a_basic_challenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("partner-free:nope")));

        using var response = await _client.SendAsync(request, Http.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}
