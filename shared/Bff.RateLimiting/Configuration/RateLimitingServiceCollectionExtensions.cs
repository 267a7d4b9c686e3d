using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.RateLimiting;

/// <summary>Registers the suite's rate limiting.</summary>
public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RateLimitingOptions"/> from <c>RateLimiting</c> (validated at start; messages name the key) and
    /// registers <see cref="IRateLimiterBackend"/> (local, or Redis with a circuit and fail-open/closed),
    /// <see cref="RateLimitPolicyCatalog"/> and the <c>Bff.RateLimiting</c> meter.
    /// </summary>
    public static IServiceCollection AddSuiteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RateLimitingOptions.SectionName);
        services.AddOptions<RateLimitingOptions>()
            .Bind(section)
            .PostConfigure(NamePolicies)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>>(new RateLimitingOptionsValidator(section));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitPolicyCatalog>();
        services.TryAddSingleton(provider => new LocalRateLimiter(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<RateLimitingOptions>>().Value.MaxLocalKeys));
        services.TryAddSingleton<IRateLimiterBackend>(Create);
        return services;
    }

    private static void NamePolicies(RateLimitingOptions options)
    {
        foreach (var (name, policy) in options.Policies.ToArray())
        {
            options.Policies[name] = policy with { Name = name };
        }
    }

    private static SuiteRateLimiter Create(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var loggerFactory = provider.GetRequiredService<ILoggerFactory>();
        var timeProvider = provider.GetRequiredService<TimeProvider>();
        var logger = loggerFactory.CreateLogger("Bff.RateLimiting");
        RedisConnection? connection = null;
        RedisRateLimiter? redis = null;
        if (options.UsesRedis)
        {
            // Its own multiplexer: rate limit checks never queue behind another feature's slow commands.
            connection = new RedisConnection(options.Redis, "bff-rate-limiting", logger, timeProvider);
            redis = new RedisRateLimiter(connection, options.KeyPrefix);
        }

        Log.Started(
            logger,
            redis is null ? "local" : $"redis ({options.Redis.Endpoint})",
            options.FailureMode.ToString().ToLowerInvariant(),
            string.Join(", ", options.Policies.Values.Select(p => $"{p.Name}={p.Limit}/{p.Period} burst {p.EffectiveBurst}")));
        return new SuiteRateLimiter(
            provider.GetRequiredService<LocalRateLimiter>(),
            redis,
            connection,
            options.Redis.Endpoint,
            options.FailureMode,
            options.RedisProbeInterval,
            provider.GetService<IMeterFactory>(),
            logger,
            timeProvider);
    }
}
