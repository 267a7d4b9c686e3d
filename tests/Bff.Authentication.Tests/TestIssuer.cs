using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Authentication.Tests;

/// <summary>
/// A real OIDC issuer on a loopback port: discovery and JWKS over Kestrel, RSA keys it can rotate,
/// and a counter of JWKS fetches. Tokens are signed with the real handler and real keys.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    public const string Audience = "bff-suite";
    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _published = [];
    private int _jwksFetches;

    private TestIssuer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public string Issuer => Address.ToString().TrimEnd('/');

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public RsaSecurityKey CurrentKey => _published[^1];

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestIssuer(app);
        issuer.MapEndpoints();
        issuer.PublishNewKey();
        await app.StartAsync();
        issuer.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        return issuer;
    }

    public RsaSecurityKey PublishNewKey()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        lock (_published)
        {
            _published.Add(key);
        }

        return key;
    }

    public string Token(Action<Dictionary<string, object>>? claims = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "1",
            ["client_id"] = "web-app",
            ["scope"] = "openid profile",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(15).ToUnixTimeSeconds(),
        };
        claims?.Invoke(payload);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = payload,
            SigningCredentials = new SigningCredentials(key ?? CurrentKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token assembled by hand, for shapes a correct library refuses to produce.</summary>
    public static string Raw(object header, object payload, string signature) =>
        $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{signature}";

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HmacSign(string signingInput, byte[] secret) => Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

    public string PublicKeyPem() => CurrentKey.Rsa.ExportSubjectPublicKeyInfoPem();

    private void MapEndpoints()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = new Uri(Address, ".well-known/jwks.json").ToString(),
        }));
        _app.MapGet("/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            RsaSecurityKey[] keys;
            lock (_published)
            {
                keys = [.. _published];
            }

            return Results.Json(new { keys = keys.Select(Jwk).ToArray() });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var p = key.Rsa.ExportParameters(false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Encode(p.Modulus!),
            ["e"] = Encode(p.Exponent!),
        };
    }
}
