using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Tests.Identity;

/// <summary>The edge identity JWT as a BFF sees it: the JwtBearer scheme on a real Kestrel app, and a caller policy.</summary>
public sealed class EdgeIdentityAuthenticationTests : IAsyncLifetime
{
    private static readonly EdgeIdentity Demo = new("1", "mobile-app", ["openid", "profile"], null);
    private readonly ECDsa _edgeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _publicKeyPath = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.pem");
    private LoopbackApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_publicKeyPath, _edgeKey.ExportSubjectPublicKeyInfoPem(), Ct);
        _app = await LoopbackApp.StartAsync(
            b =>
            {
                Configure(b, _publicKeyPath);
                b.Services.AddAuthorizationBuilder().AddPolicy("caller", p => p
                    .RequireEdgeIdentity()
                    .RequireAllowedClient("mobile app only")
                    .RequireEdgeCaller("needs_profile", "the profile scope is required", (identity, _) => identity.HasScope("profile")));
            },
            a =>
            {
                a.UseEdgeIdentity();
                a.MapGet("/me", (HttpContext c) => Describe(c.GetEdgeIdentity())).RequireAuthorization("caller");
            });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _edgeKey.Dispose();
        File.Delete(_publicKeyPath);
    }

    [Fact]
    public async Task Request_with_a_valid_token_reaches_the_endpoint_with_the_identity_on_the_user()
    {
        var identity = new EdgeIdentity("partner-gold", "mobile-app", ["profile", "partner.read"], "gold");

        var response = await SendAsync(Token(identity, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("partner-gold/mobile-app/profile,partner.read/gold", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Same_token_again_carries_the_same_identity()
    {
        var token = Token(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey);

        var first = await (await SendAsync(token)).Content.ReadAsStringAsync(Ct);
        var second = await (await SendAsync(token)).Content.ReadAsStringAsync(Ct);

        Assert.Equal("1/mobile-app/openid,profile/", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Token_accepted_once_is_refused_once_it_has_expired()
    {
        var token = EdgeIdentityToken.Create(Demo, "mobile-bff", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), EdgeIdentityToken.SecurityKey(_edgeKey));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(token)).StatusCode);

        // Past exp plus the 5 s clock skew.
        await Task.Delay(TimeSpan.FromSeconds(6.5), Ct);

        await AssertUnauthorizedAsync(await SendAsync(token));
    }

    [Fact]
    public async Task Request_that_skips_the_edge_is_refused_with_401_problem()
    {
        await AssertUnauthorizedAsync(await SendAsync());
    }

    [Fact]
    public async Task Valid_token_in_the_authorization_header_instead_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/me", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey));

        await AssertUnauthorizedAsync(await _app.Client.SendAsync(request, Ct));
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_refused()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await AssertUnauthorizedAsync(await SendAsync(Token(Demo, "mobile-bff", DateTimeOffset.UtcNow, forger)));
    }

    [Fact]
    public async Task Token_replayed_after_expiry_is_refused()
    {
        var issuedLongAgo = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);

        await AssertUnauthorizedAsync(await SendAsync(Token(Demo, "mobile-bff", issuedLongAgo, _edgeKey)));
    }

    [Fact]
    public async Task Token_for_another_bff_is_refused()
    {
        await AssertUnauthorizedAsync(await SendAsync(Token(Demo, "partner-bff", DateTimeOffset.UtcNow, _edgeKey)));
    }

    [Fact]
    public async Task Token_with_a_changed_subject_is_refused()
    {
        var parts = Token(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey).Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        claims["sub"] = JsonSerializer.SerializeToElement("2");

        await AssertUnauthorizedAsync(await SendAsync($"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims))}.{parts[2]}"));
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = EdgeIdentityToken.TokenType };

        await AssertUnauthorizedAsync(await SendAsync(Jws(header, Claims(), _ => [])));
    }

    [Fact]
    public async Task Token_signed_with_hs256_using_the_public_key_as_secret_is_refused()
    {
        var header = new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = EdgeIdentityToken.TokenType };
        var secret = Encoding.ASCII.GetBytes(await File.ReadAllTextAsync(_publicKeyPath, Ct));

        await AssertUnauthorizedAsync(await SendAsync(Jws(header, Claims(), data => HMACSHA256.HashData(secret, data))));
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        await AssertUnauthorizedAsync(await SendAsync(Es256(Claims(issuer: "someone-else"))));
    }

    [Fact]
    public async Task Token_of_another_type_is_refused()
    {
        var header = new Dictionary<string, object> { ["alg"] = "ES256", ["typ"] = "JWT" };

        await AssertUnauthorizedAsync(await SendAsync(Jws(header, Claims(), data => _edgeKey.SignData(data, HashAlgorithmName.SHA256))));
    }

    [Fact]
    public async Task Token_without_jti_is_refused()
    {
        var claims = Claims();
        claims.Remove("jti");

        await AssertUnauthorizedAsync(await SendAsync(Es256(claims)));
    }

    [Fact]
    public async Task Token_living_longer_than_a_minute_is_refused()
    {
        await AssertUnauthorizedAsync(await SendAsync(Es256(Claims(lifetime: TimeSpan.FromMinutes(10)))));
    }

    [Fact]
    public async Task Hand_built_token_like_the_edge_signs_is_accepted()
    {
        var response = await SendAsync(Es256(Claims()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("!!!.???.***")]
    [InlineData("e30.e30.AAAA")]
    [InlineData("v1.e30.AAAA")]
    public async Task Malformed_token_is_refused(string token)
    {
        await AssertUnauthorizedAsync(await SendAsync(token));
    }

    [Fact]
    public async Task Oversized_token_is_refused()
    {
        var claims = Claims();
        claims["pad"] = new string('x', EdgeIdentityToken.MaxLength);

        await AssertUnauthorizedAsync(await SendAsync(Es256(claims)));
    }

    [Fact]
    public async Task Two_token_headers_are_refused_even_if_one_is_valid()
    {
        var valid = Token(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey);

        await AssertUnauthorizedAsync(await SendAsync(valid, valid));
    }

    [Fact]
    public async Task Valid_identity_of_a_client_not_allowed_is_refused_with_403_problem()
    {
        var response = await SendAsync(Token(Demo with { ClientId = "web-app" }, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "client_not_allowed", "mobile app only");
    }

    [Fact]
    public async Task Identity_failing_a_caller_condition_gets_that_conditions_403_problem()
    {
        var response = await SendAsync(Token(Demo with { Scopes = ["openid"] }, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "needs_profile", "the profile scope is required");
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        var response = await SendToAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Missing_verification_key_file_fails_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackApp.StartAsync(b => Configure(b, "/nonexistent/edge.pem")));

        Assert.Contains("EdgeIdentity:VerificationKeyPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_allowed_clients_fail_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackApp.StartAsync(b =>
        {
            b.Configuration["EdgeIdentity:Audience"] = "mobile-bff";
            b.Configuration["EdgeIdentity:VerificationKeyPath"] = _publicKeyPath;
            b.AddEdgeIdentity();
        }));

        Assert.Contains("EdgeIdentity:AllowedClients", error.Message, StringComparison.Ordinal);
    }

    private static void Configure(WebApplicationBuilder builder, string publicKeyPath)
    {
        builder.Configuration["EdgeIdentity:Audience"] = "mobile-bff";
        builder.Configuration["EdgeIdentity:VerificationKeyPath"] = publicKeyPath;
        builder.Configuration["EdgeIdentity:AllowedClients:0"] = "mobile-app";
        builder.AddEdgeIdentity();
    }

    private static string Describe(EdgeIdentity identity) =>
        $"{identity.Subject}/{identity.ClientId}/{string.Join(',', identity.Scopes)}/{identity.Plan}";

    private static string Token(EdgeIdentity identity, string audience, DateTimeOffset issued, ECDsa key) =>
        EdgeIdentityToken.Create(identity, audience, issued, TimeSpan.FromSeconds(30), EdgeIdentityToken.SecurityKey(key));

    // The claims the edge puts in a token, for tokens built by hand to break one rule at a time.
    private static Dictionary<string, object> Claims(string issuer = EdgeIdentityToken.Issuer, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = "mobile-bff",
            ["sub"] = "1",
            ["client_id"] = "mobile-app",
            ["scope"] = "openid profile",
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)(lifetime ?? TimeSpan.FromSeconds(30)).TotalSeconds,
        };
    }

    private string Es256(Dictionary<string, object> claims) =>
        Jws(new Dictionary<string, object> { ["alg"] = "ES256", ["typ"] = EdgeIdentityToken.TokenType }, claims, data => _edgeKey.SignData(data, HashAlgorithmName.SHA256));

    private static string Jws(Dictionary<string, object> header, Dictionary<string, object> claims, Func<byte[], byte[]> sign)
    {
        var signed = Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims));
        return signed + "." + Base64UrlEncode(sign(Encoding.ASCII.GetBytes(signed)));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private async Task<HttpResponseMessage> SendAsync(params string[] tokens) => await SendToAsync("/me", tokens);

    private async Task<HttpResponseMessage> SendToAsync(string path, params string[] tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var token in tokens)
        {
            request.Headers.TryAddWithoutValidation(EdgeIdentityToken.HeaderName, token);
        }

        return await _app.Client.SendAsync(request, Ct);
    }

    private static Task AssertUnauthorizedAsync(HttpResponseMessage response) =>
        AssertProblemAsync(response, HttpStatusCode.Unauthorized, "edge_identity_required", "A valid edge identity is required; call this service through the edge gateway.");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }
}
