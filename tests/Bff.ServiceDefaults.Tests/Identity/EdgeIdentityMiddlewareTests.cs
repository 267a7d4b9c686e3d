using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Tests.Identity;

public sealed class EdgeIdentityMiddlewareTests : IAsyncLifetime
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
                b.Configuration["EdgeIdentity:Audience"] = "mobile-bff";
                b.Configuration["EdgeIdentity:VerificationKeyPath"] = _publicKeyPath;
                b.AddEdgeIdentity();
            },
            a =>
            {
                a.UseEdgeIdentity();
                a.MapGet("/me", (HttpContext c) => c.GetEdgeIdentity().Subject + "/" + c.GetEdgeIdentity().ClientId);
            });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _edgeKey.Dispose();
        File.Delete(_publicKeyPath);
    }

    [Fact]
    public async Task Request_with_a_valid_assertion_reaches_the_endpoint_with_the_identity()
    {
        var response = await SendAsync(Assertion(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey));

        Assert.Equal("1/mobile-app", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_that_skips_the_edge_is_refused_with_401_problem()
    {
        var response = await SendAsync();

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Assertion_signed_with_another_key_is_refused()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await AssertUnauthorizedAsync(await SendAsync(Assertion(Demo, "mobile-bff", DateTimeOffset.UtcNow, forger)));
    }

    [Fact]
    public async Task Assertion_replayed_after_expiry_is_refused()
    {
        var issuedLongAgo = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);

        await AssertUnauthorizedAsync(await SendAsync(Assertion(Demo, "mobile-bff", issuedLongAgo, _edgeKey)));
    }

    [Fact]
    public async Task Assertion_for_another_bff_is_refused()
    {
        await AssertUnauthorizedAsync(await SendAsync(Assertion(Demo, "partner-bff", DateTimeOffset.UtcNow, _edgeKey)));
    }

    [Fact]
    public async Task Assertion_with_a_changed_subject_is_refused()
    {
        var genuine = Assertion(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey);
        var parts = genuine.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(ToBase64(parts[1])))!;
        claims["sub"] = JsonSerializer.SerializeToElement("2");
        var forgedPayload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await AssertUnauthorizedAsync(await SendAsync($"{parts[0]}.{forgedPayload}.{parts[2]}"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("v1.")]
    [InlineData("v1.!!!.???")]
    [InlineData("v1.e30.AAAA")]
    public async Task Malformed_assertion_is_refused(string assertion)
    {
        await AssertUnauthorizedAsync(await SendAsync(assertion));
    }

    [Fact]
    public async Task Two_assertion_headers_are_refused_even_if_one_is_valid()
    {
        var valid = Assertion(Demo, "mobile-bff", DateTimeOffset.UtcNow, _edgeKey);

        await AssertUnauthorizedAsync(await SendAsync(valid, valid));
    }

    [Fact]
    public async Task Health_endpoints_answer_without_an_assertion()
    {
        var response = await SendToAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Missing_verification_key_file_fails_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackApp.StartAsync(b =>
        {
            b.Configuration["EdgeIdentity:Audience"] = "mobile-bff";
            b.Configuration["EdgeIdentity:VerificationKeyPath"] = "/nonexistent/edge.pem";
            b.AddEdgeIdentity();
        }));

        Assert.Contains("EdgeIdentity:VerificationKeyPath", error.Message, StringComparison.Ordinal);
    }

    private static string Assertion(EdgeIdentity identity, string audience, DateTimeOffset issued, ECDsa key) =>
        EdgeAssertion.Create(identity, audience, issued, TimeSpan.FromSeconds(30), key);

    private static string ToBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private async Task<HttpResponseMessage> SendAsync(params string[] assertions) => await SendToAsync("/me", assertions);

    private async Task<HttpResponseMessage> SendToAsync(string path, params string[] assertions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var assertion in assertions)
        {
            request.Headers.TryAddWithoutValidation(EdgeAssertion.HeaderName, assertion);
        }

        return await _app.Client.SendAsync(request, Ct);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("edge_identity_required", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }
}
