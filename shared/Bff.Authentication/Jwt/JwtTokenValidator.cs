using System.Collections.Concurrent;
using Bff.Authentication.Configuration;
using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Authentication.Jwt;

/// <summary>
/// Verifies a bearer token locally against the cached signing keys: algorithm pinned per issuer,
/// signature, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>nbf</c>. A token verified once is remembered
/// until it expires (bounded), so a client's repeat requests cost a dictionary lookup, not an RSA
/// verification.
/// </summary>
public sealed class JwtTokenValidator
{
    private const int MaxRememberedTokens = 20_000;

    private readonly SigningKeyCache _keys;
    private readonly JwtValidationOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, TokenValidationOutcome> _verified = new(StringComparer.Ordinal);
    private (SigningKeySet Keys, TokenValidationParameters Parameters) _parameters;

    public JwtTokenValidator(SigningKeyCache keys, IOptions<JwtValidationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _options = options.Value;
        _time = time;
    }

    /// <summary>Validates <paramref name="token"/> (the part after <c>Bearer </c>).</summary>
    public async ValueTask<TokenValidationOutcome> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > _options.MaxTokenLength)
        {
            return TokenValidationOutcome.Fail("the token is too large");
        }

        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(token, out var remembered))
        {
            if (now < remembered.ExpiresAt + _options.ClockSkew)
            {
                return remembered;
            }

            _verified.TryRemove(token, out _);
        }

        _keys.RefreshInBackgroundIfDue();
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenValidationOutcome.Fail("the token is malformed");
        }

        if (!_options.Algorithms.Contains(jwt.Alg, StringComparer.Ordinal) || jwt.Alg.StartsWith("HS", StringComparison.Ordinal) || jwt.Alg == "none")
        {
            return TokenValidationOutcome.Fail("the token's signing algorithm is not accepted");
        }

        var lifetimeError = CheckLifetime(jwt, now);
        if (lifetimeError is not null)
        {
            return TokenValidationOutcome.Fail(lifetimeError);
        }

        var keys = _keys.Current;
        if (!keys.Keys.ContainsKey(jwt.Kid ?? string.Empty))
        {
            keys = await _keys.RefreshAsync(force: true, cancellationToken).ConfigureAwait(false);
            if (!keys.Keys.ContainsKey(jwt.Kid ?? string.Empty))
            {
                return TokenValidationOutcome.Fail("the token's signing key is unknown");
            }
        }

        var result = await _handler.ValidateTokenAsync(jwt, ParametersFor(keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TokenValidationOutcome.Fail(Describe(result.Exception));
        }

        var outcome = TokenValidationOutcome.Success(ToIdentity(jwt), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        if (_verified.Count >= MaxRememberedTokens)
        {
            _verified.Clear();
        }

        _verified[token] = outcome;
        return outcome;
    }

    private string? CheckLifetime(JsonWebToken jwt, DateTimeOffset now)
    {
        if (!jwt.TryGetPayloadValue<long>("exp", out _))
        {
            return "the token has no expiry";
        }

        if (new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _options.ClockSkew <= now)
        {
            return "the token has expired";
        }

        return jwt.ValidFrom != DateTime.MinValue && new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero) - _options.ClockSkew > now
            ? "the token is not valid yet"
            : null;
    }

    private TokenValidationParameters ParametersFor(SigningKeySet keys)
    {
        var cached = _parameters;
        if (ReferenceEquals(cached.Keys, keys))
        {
            return cached.Parameters;
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = keys.Issuer,
            ValidAudience = _options.Audience,
            ValidAlgorithms = [.. _options.Algorithms],
            ClockSkew = _options.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.Keys.TryGetValue(kid ?? string.Empty, out var key) ? [key] : [],
            // Lifetime is checked before, against the injected clock.
            ValidateLifetime = false,
        };
        _parameters = (keys, parameters);
        return parameters;
    }

    private static EdgeIdentity ToIdentity(JsonWebToken jwt)
    {
        var clientId = Claim(jwt, "client_id") ?? Claim(jwt, "azp") ?? string.Empty;
        var scope = Claim(jwt, "scope");
        var scopes = string.IsNullOrEmpty(scope) ? [] : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new EdgeIdentity(jwt.Subject ?? clientId, clientId, scopes, Claim(jwt, "plan"));
    }

    private static string? Claim(JsonWebToken jwt, string type) => jwt.TryGetPayloadValue<string>(type, out var value) ? value : null;

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the token's audience is not accepted",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        _ => "the token is invalid",
    };
}
