using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.Benchmarks.Identity;

/// <summary>
/// What the edge identity costs a BFF per request: the same in-process app (TestServer, no sockets) answering an
/// endpoint without identity (the yardstick) and one behind the edge identity scheme and a caller policy with a
/// repeated token (what every request of a client pays), plus the full token check alone. The BFF-side part of issue 17:
/// run at 98b968f (custom assertion, verified-assertion cache) and after (JwtBearer) back to back.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class EdgeIdentityBenchmarks
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"edge-bench-{Guid.NewGuid():N}.pem");
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _token = null!;
    private readonly JsonWebTokenHandler _uncached = new();
    private JwtBearerOptions _bearer = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await File.WriteAllTextAsync(_keyPath, _key.ExportSubjectPublicKeyInfoPem());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["EdgeIdentity:Audience"] = "mobile-bff";
        builder.Configuration["EdgeIdentity:VerificationKeyPath"] = _keyPath;
        builder.Configuration["EdgeIdentity:AllowedClients:0"] = "mobile-app";
        builder.AddEdgeIdentity();
        builder.Services.AddAuthorizationBuilder().AddPolicy("caller", p => p.RequireEdgeIdentity().RequireAllowedClient("mobile app only"));
        _app = builder.Build();
        _app.UseEdgeIdentity();
        _app.MapGet("/open", () => "1");
        _app.MapGet("/me", (HttpContext c) => c.GetEdgeIdentity().Subject).RequireAuthorization("caller");
        await _app.StartAsync();
        _client = _app.GetTestServer().CreateClient();
        _token = EdgeIdentityToken.Create(new EdgeIdentity("1", "mobile-app", ["openid"], null), "mobile-bff", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), EdgeIdentityToken.SecurityKey(_key));
        _bearer = _app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(EdgeIdentityDefaults.AuthenticationScheme);
        if (await RequestWithIdentity() != 200 || !await TokenCheckOnly())
        {
            throw new InvalidOperationException("the setup token is refused");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _key.Dispose();
        File.Delete(_keyPath);
    }

    [Benchmark(Baseline = true, Description = "request, anonymous endpoint")]
    public Task<int> RequestWithoutIdentity() => SendAsync("/open", null);

    [Benchmark(Description = "request, edge identity + caller policy")]
    public Task<int> RequestWithIdentity() => SendAsync("/me", _token);

    // A plain handler, not the scheme's (which remembers the token): the full ES256 verification a new token costs.
    [Benchmark(Description = "token check alone, not remembered")]
    public async Task<bool> TokenCheckOnly() =>
        (await _uncached.ValidateTokenAsync(_token, _bearer.TokenValidationParameters)).IsValid;

    private async Task<int> SendAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Add(EdgeIdentityToken.HeaderName, token);
        }

        using var response = await _client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
