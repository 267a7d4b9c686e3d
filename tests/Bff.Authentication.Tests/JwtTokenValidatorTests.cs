using System.Text;
using Bff.Authentication.Configuration;
using Bff.Authentication.Jwt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Authentication.Tests;

public sealed class JwtTokenValidatorTests : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private HttpClient _http = null!;
    private JwtTokenValidator _validator = null!;
    private SigningKeyCache _keys = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _http = new HttpClient();
        var options = Options.Create(new JwtValidationOptions { Authority = _issuer.Address, MinimumRefreshInterval = TimeSpan.FromMinutes(1) });
        _keys = new SigningKeyCache(_http, options, TimeProvider.System, NullLogger<SigningKeyCache>.Instance);
        _validator = new JwtTokenValidator(_keys, options, TimeProvider.System);
        await _keys.RefreshAsync(force: true, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Valid_token_yields_the_callers_identity()
    {
        var outcome = await _validator.ValidateAsync(_issuer.Token(c => c["sub"] = "42"), Ct);

        Assert.True(outcome.IsValid, outcome.Error);
        Assert.Equal("42", outcome.Identity!.Subject);
        Assert.Equal("web-app", outcome.Identity.ClientId);
        Assert.Equal(["openid", "profile"], outcome.Identity.Scopes);
    }

    [Fact]
    public async Task Partner_token_carries_its_plan()
    {
        var outcome = await _validator.ValidateAsync(_issuer.Token(c =>
        {
            c["sub"] = "partner-gold";
            c["client_id"] = "partner-gold";
            c["scope"] = "partner.read partner.write";
            c["plan"] = "gold";
        }), Ct);

        Assert.Equal("gold", outcome.Identity!.Plan);
        Assert.True(outcome.Identity.HasScope("partner.write"));
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        var token = TestIssuer.Raw(new { alg = "none", typ = "JWT", kid = _issuer.CurrentKey.KeyId }, Claims(), string.Empty);

        await AssertRefusedAsync(token, "algorithm");
    }

    [Fact]
    public async Task Hs256_signed_with_the_rsa_public_key_is_refused()
    {
        var header = new { alg = "HS256", typ = "JWT", kid = _issuer.CurrentKey.KeyId };
        var unsigned = TestIssuer.Raw(header, Claims(), string.Empty).TrimEnd('.');
        var token = unsigned + "." + TestIssuer.HmacSign(unsigned, Encoding.ASCII.GetBytes(_issuer.PublicKeyPem()));

        await AssertRefusedAsync(token, "algorithm");
    }

    [Fact]
    public async Task Tampered_payload_is_refused()
    {
        var parts = _issuer.Token().Split('.');
        var forged = TestIssuer.Raw(new { alg = "RS256", typ = "JWT", kid = _issuer.CurrentKey.KeyId }, Claims(sub: "2"), parts[2]);

        await AssertRefusedAsync(forged, "signature");
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = _issuer.Token(c =>
        {
            c["iat"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
            c["nbf"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
            c["exp"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds();
        });

        await AssertRefusedAsync(token, "expired");
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = _issuer.Token(c => c["exp"] = DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeSeconds());

        Assert.True((await _validator.ValidateAsync(token, Ct)).IsValid);
    }

    [Fact]
    public async Task Not_yet_valid_token_is_refused()
    {
        var token = _issuer.Token(c => c["nbf"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        await AssertRefusedAsync(token, "not valid yet");
    }

    [Fact]
    public async Task Token_without_expiry_is_refused()
    {
        await AssertRefusedAsync(_issuer.Token(c => c.Remove("exp")), "no expiry");
    }

    [Fact]
    public async Task Wrong_issuer_is_refused()
    {
        await AssertRefusedAsync(_issuer.Token(c => c["iss"] = "http://evil.example"), "issuer");
    }

    [Fact]
    public async Task Wrong_audience_is_refused()
    {
        await AssertRefusedAsync(_issuer.Token(c => c["aud"] = "another-api"), "audience");
    }

    [Fact]
    public async Task Unknown_kid_causes_at_most_one_refetch_per_interval()
    {
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "unknown-1" };
        var fetchesBefore = _issuer.JwksFetches;

        for (var i = 0; i < 20; i++)
        {
            await AssertRefusedAsync(_issuer.Token(key: stranger), "unknown");
        }

        // The setup fetched once a moment ago, inside the minimum interval: a flood of kids fetches nothing more.
        Assert.Equal(fetchesBefore, _issuer.JwksFetches);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.sig")]
    [InlineData("e30.e30.e30")]
    [InlineData("")]
    public async Task Malformed_token_is_refused(string token)
    {
        var outcome = await _validator.ValidateAsync(token, Ct);

        Assert.False(outcome.IsValid);
        Assert.NotNull(outcome.Error);
    }

    [Fact]
    public async Task Token_of_100_KiB_is_refused_before_parsing()
    {
        var token = _issuer.Token(c => c["padding"] = new string('x', 100 * 1024));

        await AssertRefusedAsync(token, "too large");
    }

    private object Claims(string sub = "1") => new Dictionary<string, object>
    {
        ["iss"] = _issuer.Issuer,
        ["aud"] = TestIssuer.Audience,
        ["sub"] = sub,
        ["client_id"] = "web-app",
        ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
    };

    private async Task AssertRefusedAsync(string token, string reason)
    {
        var outcome = await _validator.ValidateAsync(token, Ct);

        Assert.False(outcome.IsValid);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
    }
}
