using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// Points the <see cref="EdgeIdentityDefaults.AuthenticationScheme"/> JwtBearer scheme at the edge's token: its
/// header, its one algorithm, issuer, this BFF as audience, the static key, a clock skew of seconds rather than the
/// default five minutes (the token lives one minute), no error details in answers to callers, and a handler that
/// remembers verified tokens until they expire.
/// </summary>
internal sealed class ConfigureEdgeJwtBearer(IOptions<EdgeIdentityOptions> options, EdgeVerificationKey key, VerifiedEdgeTokenHandler handler) : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (!string.Equals(name, EdgeIdentityDefaults.AuthenticationScheme, StringComparison.Ordinal))
        {
            return;
        }

        bearer.IncludeErrorDetails = false;
        bearer.MapInboundClaims = false;
        bearer.EventsType = typeof(EdgeJwtBearerEvents);
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(handler);
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [EdgeIdentityToken.TokenType],
            ValidIssuer = EdgeIdentityToken.Issuer,
            ValidAudience = options.Value.Audience,
            IssuerSigningKey = key.SecurityKey,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            NameClaimType = EdgeClaimTypes.Subject,
            AuthenticationType = EdgeIdentityDefaults.AuthenticationScheme,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
