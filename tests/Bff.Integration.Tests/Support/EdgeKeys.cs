using System.Security.Claims;
using System.Security.Cryptography;
using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Integration.Tests.Support;

/// <summary>A fresh ECDSA P-256 key pair for the edge identity token, written as PEM files to a temporary folder.</summary>
internal sealed class EdgeKeys : IDisposable
{
    public EdgeKeys()
    {
        Folder = Directory.CreateTempSubdirectory("edge-keys-").FullName;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKeyPath, Key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKeyPath, Key.ExportSubjectPublicKeyInfoPem());
    }

    public string Folder { get; }

    public ECDsa Key { get; }

    public string PrivateKeyPath => Path.Combine(Folder, "edge-identity.pem");

    public string PublicKeyPath => Path.Combine(Folder, "edge-identity.pub.pem");

    /// <summary>Validates an edge identity token the way a BFF does (ES256, issuer, audience, type, lifetime) and reads its identity.</summary>
    public async Task<EdgeIdentity> ReadAsync(string? token, string audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [EdgeIdentityToken.TokenType],
            ValidIssuer = EdgeIdentityToken.Issuer,
            ValidAudience = audience,
            IssuerSigningKey = EdgeIdentityToken.SecurityKey(Key),
            ClockSkew = TimeSpan.FromSeconds(5),
            AuthenticationType = EdgeIdentityDefaults.AuthenticationScheme,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.True(jwt.ValidTo - jwt.IssuedAt <= EdgeIdentityToken.MaxLifetime);
        return new ClaimsPrincipal(result.ClaimsIdentity).ToEdgeIdentity()!;
    }

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
