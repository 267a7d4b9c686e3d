using Bff.Authentication.ApiKeys;
using Bff.Authentication.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Bff.Authentication;

/// <summary>
/// Finds the caller's credential on a request (one <c>Authorization: Bearer</c> header, or one API
/// key header) and validates it. The edge's per-route policy decides what a missing one means.
/// </summary>
public sealed class EdgeAuthenticator(JwtTokenValidator tokens, ApiKeyValidator apiKeys, IOptions<ApiKeyOptions> apiKeyOptions)
{
    private const string BearerPrefix = "Bearer ";
    private readonly string _apiKeyHeader = apiKeyOptions.Value.HeaderName;

    /// <summary>The header that carries API keys (<c>Authentication:ApiKeys:HeaderName</c>).</summary>
    public string ApiKeyHeaderName => _apiKeyHeader;

    /// <summary>Null when the request carries no credential at all.</summary>
    public ValueTask<TokenValidationOutcome?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers[HeaderNames.Authorization];
        var apiKey = request.Headers[_apiKeyHeader];
        if (authorization.Count + apiKey.Count > 1)
        {
            // Two credentials leave it open which one a downstream would believe: refuse both.
            return ValueTask.FromResult<TokenValidationOutcome?>(TokenValidationOutcome.Fail("more than one credential was sent"));
        }

        if (apiKey.Count == 1)
        {
            return ValueTask.FromResult<TokenValidationOutcome?>(apiKeys.Validate(apiKey[0] ?? string.Empty));
        }

        if (authorization.Count == 0)
        {
            return ValueTask.FromResult<TokenValidationOutcome?>(null);
        }

        var value = authorization[0] ?? string.Empty;
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.Length == BearerPrefix.Length)
        {
            return ValueTask.FromResult<TokenValidationOutcome?>(TokenValidationOutcome.Fail("the Authorization header is not a Bearer token"));
        }

        return ValidateBearerAsync(value[BearerPrefix.Length..].Trim(), cancellationToken);
    }

    private async ValueTask<TokenValidationOutcome?> ValidateBearerAsync(string token, CancellationToken cancellationToken) =>
        await tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
}
