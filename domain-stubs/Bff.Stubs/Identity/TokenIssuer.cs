using System.Security.Cryptography;
using Bff.Contracts.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Identity;

/// <summary>Mints RS256 access tokens with the claims of docs/domain-api.md ("Tokens").</summary>
internal sealed class TokenIssuer(SigningKeyRing keys, IOptions<IdentityStubOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TokenResponse Issue(string subject, OAuthClient client, IReadOnlyList<string> scopes, IReadOnlyDictionary<string, object> extraClaims)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var scope = string.Join(' ', scopes);
        var claims = new Dictionary<string, object>(extraClaims, StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            ["client_id"] = client.Id,
            ["scope"] = scope,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.IssuerBase,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(settings.TokenLifetimeSeconds),
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Current.Key, SecurityAlgorithms.RsaSha256),
        };

        return new TokenResponse(_handler.CreateToken(descriptor), "Bearer", settings.TokenLifetimeSeconds, scope);
    }
}
