using Bff.Authentication;
using Bff.Authentication.ApiKeys;
using Bff.Authentication.Configuration;
using Bff.Authentication.Jwt;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class AuthenticationServiceCollectionExtensions
{
    private const string JwksClient = "jwks";

    /// <summary>
    /// Adds bearer-token and API-key validation for the edge: <c>Authentication:Jwt</c> and
    /// <c>Authentication:ApiKeys</c>, validated at start. Keys are fetched at start and then on schedule.
    /// </summary>
    public static IServiceCollection AddEdgeAuthentication(this IServiceCollection services)
    {
        services.AddOptions<JwtValidationOptions>().BindConfiguration(JwtValidationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Authority is { IsAbsoluteUri: true } a && (a.Scheme == Uri.UriSchemeHttp || a.Scheme == Uri.UriSchemeHttps),
                $"{JwtValidationOptions.SectionName}:Authority must be an absolute http(s) URL.")
            .Validate(o => o.Algorithms.Count > 0 && o.Algorithms.All(a => a is "RS256" or "RS384" or "RS512" or "PS256" or "ES256"),
                $"{JwtValidationOptions.SectionName}:Algorithms may name only asymmetric algorithms (RS256, RS384, RS512, PS256, ES256).")
            .ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName)
            .Validate(o => o.Keys.All(IsWellFormed),
                $"{ApiKeyOptions.SectionName}:Keys: every key needs an Id without dots, a 64-digit hex SecretSha256, a ClientId and a Plan.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksClient, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.TryAddSingleton(sp => new SigningKeyCache(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(JwksClient),
            sp.GetRequiredService<IOptions<JwtValidationOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SigningKeyCache>>()));
        services.TryAddSingleton<JwtTokenValidator>();
        services.TryAddSingleton<ApiKeyValidator>();
        services.TryAddSingleton<EdgeAuthenticator>();
        services.AddHealthChecks().AddCheck<SigningKeysHealthCheck>("signing-keys", tags: ["ready"]);
        return services;
    }

    private static bool IsWellFormed(ApiKeyEntry key) =>
        key.Id.Length > 0 && !key.Id.Contains('.', StringComparison.Ordinal)
        && key.SecretSha256.Length == 64 && key.SecretSha256.All(char.IsAsciiHexDigit)
        && key.ClientId.Length > 0 && key.Plan.Length > 0;
}
