using System.Security.Cryptography;
using Bff.Edge.Auth;
using Bff.ServiceDefaults.Identity;
using Bff.TestSupport.Time;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Edge.Tests.Auth;

public sealed class EdgeIdentityTokenIssuerTests : IDisposable
{
    private static readonly EdgeIdentity Gold = new("partner-gold", "partner-gold", ["partner.read", "partner.write"], "gold");
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly EdgeIdentityTokenIssuer _issuer;

    public EdgeIdentityTokenIssuerTests()
    {
        var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        signing.ImportParameters(_key.ExportParameters(includePrivateParameters: true));
        _issuer = new EdgeIdentityTokenIssuer(signing, TimeSpan.FromSeconds(30), _time);
    }

    [Fact]
    public async Task Issued_token_is_an_es256_jwt_for_the_audience_that_a_bff_validates()
    {
        var token = _issuer.Issue(Gold, "partner-bff");

        using var publicKey = ECDsa.Create(_key.ExportParameters(includePrivateParameters: false));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [EdgeIdentityToken.TokenType],
            ValidIssuer = EdgeIdentityToken.Issuer,
            ValidAudience = "partner-bff",
            IssuerSigningKey = EdgeIdentityToken.SecurityKey(publicKey),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(EdgeIdentityToken.SecurityKey(publicKey).KeyId, jwt.Kid);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal(TimeSpan.FromSeconds(30), jwt.ValidTo - jwt.IssuedAt);
        Assert.Equal("partner-gold", jwt.Subject);
        Assert.Equal("partner-gold", jwt.GetPayloadValue<string>("client_id"));
        Assert.Equal("partner.read partner.write", jwt.GetPayloadValue<string>("scope"));
        Assert.Equal("gold", jwt.GetPayloadValue<string>("plan"));
    }

    [Fact]
    public void Token_is_reused_for_half_its_lifetime_then_replaced_with_a_new_jti()
    {
        var first = _issuer.Issue(Gold, "partner-bff");
        _time.Advance(TimeSpan.FromSeconds(14));
        var reused = _issuer.Issue(Gold, "partner-bff");
        _time.Advance(TimeSpan.FromSeconds(2));
        var renewed = _issuer.Issue(Gold, "partner-bff");

        Assert.Same(first, reused);
        Assert.NotEqual(new JsonWebToken(first).Id, new JsonWebToken(renewed).Id);
    }

    [Fact]
    public void Another_audience_gets_its_own_token()
    {
        var partner = _issuer.Issue(Gold, "partner-bff");
        var web = _issuer.Issue(Gold, "web-bff");

        Assert.Equal(["web-bff"], new JsonWebToken(web).Audiences);
        Assert.Equal(["partner-bff"], new JsonWebToken(partner).Audiences);
    }

    public void Dispose()
    {
        _issuer.Dispose();
        _key.Dispose();
    }
}
