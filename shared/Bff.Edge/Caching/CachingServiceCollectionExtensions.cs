using System.Diagnostics.Metrics;
using Bff.Edge.Hosting;
using Bff.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Caching;

/// <summary>Registers the response cache: the local tier, the Redis tier when configured, the admin key when set.</summary>
internal static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeResponseCaching(this IServiceCollection services, CachingConfig config)
    {
        var adminKey = Environment.GetEnvironmentVariable(CacheAdminEndpoint.KeyEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : config.Admin.Key;
        if (adminKey is not null)
        {
            if (adminKey.Length < CacheConfigValidator.MinAdminKeyLength)
            {
                throw new EdgeConfigException($"{CacheAdminEndpoint.KeyEnvironmentVariable}: must be at least {CacheConfigValidator.MinAdminKeyLength} characters");
            }

            services.TryAddSingleton(new CacheAdminKey(adminKey));
        }

        services.TryAddSingleton(sp =>
        {
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var timeProvider = sp.GetRequiredService<TimeProvider>();
            RedisCacheStore? shared = null;
            if (config.Redis is { } redis)
            {
                // Its own multiplexer: a slow cache write never delays a rate-limit check on the limiter's.
                var logger = loggerFactory.CreateLogger("Bff.Edge.Caching");
                var connection = new RedisConnection(CacheConfigValidator.ToRedisOptions(redis), "bff-edge-cache", logger, timeProvider);
                shared = new RedisCacheStore(connection, redis.KeyPrefix, logger, timeProvider);
            }

            CacheLog.Configured(loggerFactory.CreateLogger("Bff.Edge.Caching"), config.MaxMemory, config.Redis?.Endpoint ?? "none", adminKey is null ? "off" : CacheAdminEndpoint.Path);
            var cache = new ResponseCache(new MemoryCacheStore(config.MaxMemory), shared, timeProvider);
            _ = new RouteChangeInvalidator(sp.GetRequiredService<EdgeConfigProvider>(), cache);
            return cache;
        });
        services.TryAddSingleton(sp => new CacheMetrics(sp.GetService<IMeterFactory>(), sp.GetRequiredService<ResponseCache>().Local));
        if (config.Redis is not null)
        {
            services.AddHostedService<CachePurgeListener>();
        }

        return services;
    }
}
