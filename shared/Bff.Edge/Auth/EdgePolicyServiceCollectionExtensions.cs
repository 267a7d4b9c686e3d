using System.Security.Cryptography;
using Bff.Edge.Hosting;
using Bff.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Edge.Auth;

/// <summary>Registers what the per-route policies need: authentication, the identity token signer, rate limiting.</summary>
internal static class EdgePolicyServiceCollectionExtensions
{
    public static IServiceCollection AddEdgePolicies(this IServiceCollection services, IConfiguration configuration, EdgeStartOptions start)
    {
        var identity = start.Config.Identity;
        services.AddSingleton(new IdentityHeaderStripper(identity));
        services.AddSuiteRateLimiting(configuration);
        if (configuration.GetSection("Authentication:Jwt:Authority").Exists())
        {
            services.AddEdgeAuthentication();
        }

        if (identity.SigningKeyPath is { } keyPath)
        {
            // Read now, so a missing or bad key stops the start with the key named, not the first request.
            var key = LoadSigningKey(keyPath);
            services.AddSingleton(sp => new EdgeIdentityTokenIssuer(key, identity.AssertionLifetime, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    private static ECDsa LoadSigningKey(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new EdgeConfigException([$"Identity.SigningKeyPath: cannot read an ECDSA private key from '{path}': {e.Message}"]);
        }
    }
}
