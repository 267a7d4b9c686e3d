using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bff.Authentication.Configuration;
using Bff.Authentication.Jwt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Benchmarks.Authentication;

/// <summary>
/// What a bearer token costs the edge per request: a full RS256 verification (the first request with a token),
/// the validator's path for a token it has verified before (every later request), and HS256 for scale.
/// The issuer's keys are served from memory, so no network time is measured.
/// </summary>
[MemoryDiagnoser]
public class JwtValidationBenchmarks
{
    private const string Issuer = "http://issuer.test";
    private readonly JsonWebTokenHandler _handler = new();
    private RsaSecurityKey _rsa = null!;
    private SymmetricSecurityKey _hmac = null!;
    private string _rsaToken = null!;
    private string _hmacToken = null!;
    private TokenValidationParameters _rsaParameters = null!;
    private TokenValidationParameters _hmacParameters = null!;
    private JwtTokenValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" };
        _hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "h1" };
        _rsaToken = Token(new SigningCredentials(_rsa, SecurityAlgorithms.RsaSha256));
        _hmacToken = Token(new SigningCredentials(_hmac, SecurityAlgorithms.HmacSha256));
        _rsaParameters = Parameters(_rsa);
        _hmacParameters = Parameters(_hmac);

        var options = Options.Create(new JwtValidationOptions { Authority = new Uri(Issuer + "/") });
        var http = new HttpClient(new InMemoryIssuer(_rsa));
        var keys = new SigningKeyCache(http, options, TimeProvider.System, NullLogger<SigningKeyCache>.Instance);
        keys.RefreshAsync(force: true, CancellationToken.None).GetAwaiter().GetResult();
        _validator = new JwtTokenValidator(keys, options, TimeProvider.System);
        if (!_validator.ValidateAsync(_rsaToken, CancellationToken.None).AsTask().GetAwaiter().GetResult().IsValid)
        {
            throw new InvalidOperationException("setup token does not validate");
        }
    }

    [Benchmark(Baseline = true, Description = "RS256 full verification (JsonWebTokenHandler)")]
    public async Task<bool> Rs256FullVerification() => (await _handler.ValidateTokenAsync(_rsaToken, _rsaParameters)).IsValid;

    [Benchmark(Description = "HS256 full verification (JsonWebTokenHandler)")]
    public async Task<bool> Hs256FullVerification() => (await _handler.ValidateTokenAsync(_hmacToken, _hmacParameters)).IsValid;

    [Benchmark(Description = "edge validator, token seen before")]
    public async Task<bool> EdgeValidatorRepeatToken() => (await _validator.ValidateAsync(_rsaToken, CancellationToken.None)).IsValid;

    private string Token(SigningCredentials credentials) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "bff-suite",
        Expires = DateTime.UtcNow.AddHours(2),
        Claims = new Dictionary<string, object> { ["sub"] = "1", ["client_id"] = "web-app", ["scope"] = "openid profile" },
        SigningCredentials = credentials,
    });

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "bff-suite",
        IssuerSigningKey = key,
    };

    /// <summary>Discovery and JWKS from memory, so the setup needs no server.</summary>
    private sealed class InMemoryIssuer(RsaSecurityKey key) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var p = key.Rsa.ExportParameters(false);
            var body = request.RequestUri!.AbsolutePath.EndsWith("jwks.json", StringComparison.Ordinal)
                ? $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{key.KeyId}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}"""
                : $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{Issuer}}/.well-known/jwks.json"}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
