using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// The identity the edge forwards to a BFF in <see cref="HeaderName"/>: a compact JWS (RFC 7515) JWT signed by the
/// edge with ES256, addressed to one BFF (<c>aud</c>), valid for a minute at most, with a <c>jti</c>, and explicitly
/// typed (RFC 8725 section 3.11) so no other JWT the suite sees can pass for it. ECDSA keeps the signing key on the
/// edge alone: a BFF holds only the public key, so a compromised BFF cannot mint identities for its neighbours.
/// </summary>
public static class EdgeIdentityToken
{
    /// <summary>The request header that carries the token from the edge to a BFF.</summary>
    public const string HeaderName = "X-Edge-Identity";

    /// <summary>The <c>iss</c> of every edge identity token.</summary>
    public const string Issuer = "bff-edge";

    /// <summary>The JOSE <c>typ</c> header of an edge identity token.</summary>
    public const string TokenType = "edge-identity+jwt";

    /// <summary>Longest accepted token, in characters; the edge's tokens are well under 1 KiB.</summary>
    public const int MaxLength = 8192;

    /// <summary>The longest lifetime a token may have (one minute).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(1);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// Wraps one half of the edge's P-256 key pair. The key id is the key's RFC 7638 thumbprint, so the edge (private
    /// half) and every BFF (public half) name the same key without configuring an id. The caller owns <paramref name="key"/>.
    /// </summary>
    public static ECDsaSecurityKey SecurityKey(ECDsa key)
    {
        var securityKey = new ECDsaSecurityKey(key);
        securityKey.KeyId = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());

        // Its own provider cache: the shared default one is keyed by the key's thumbprint, so a second holder of the
        // same key pair in the process (a restarted host) would be handed providers bound to an ECDsa already disposed.
        securityKey.CryptoProviderFactory = new CryptoProviderFactory();
        return securityKey;
    }

    /// <summary>Signs <paramref name="identity"/> for <paramref name="audience"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/> (at most <see cref="MaxLifetime"/>).</summary>
    public static string Create(EdgeIdentity identity, string audience, DateTimeOffset now, TimeSpan lifetime, SecurityKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        var claims = new Dictionary<string, object>(5, StringComparer.Ordinal)
        {
            [EdgeClaimTypes.Subject] = identity.Subject,
            [EdgeClaimTypes.Client] = identity.ClientId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (identity.Scopes.Count > 0)
        {
            claims[EdgeClaimTypes.Scope] = string.Join(' ', identity.Scopes);
        }

        if (identity.Plan is { } plan)
        {
            claims[EdgeClaimTypes.Plan] = plan;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
