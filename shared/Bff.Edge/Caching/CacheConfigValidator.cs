using Bff.Edge.Configuration;
using Bff.RateLimiting;

namespace Bff.Edge.Caching;

/// <summary>Checks <c>Caching</c> and every route's <c>Cache</c> block.</summary>
internal static class CacheConfigValidator
{
    /// <summary>Shortest admin key accepted: a guessable key on a purge endpoint is a denial of service.</summary>
    public const int MinAdminKeyLength = 16;

    public static void Validate(EdgeConfig config, List<string> errors)
    {
        var caching = config.Caching;
        ServerConfigValidator.RequirePositive(caching.MaxMemory, "Caching.MaxMemory", errors);
        if (caching.Redis is { } redis)
        {
            if (string.IsNullOrWhiteSpace(redis.Endpoint))
            {
                errors.Add("Caching.Redis.Endpoint: is required (host:port)");
            }
            else
            {
                foreach (var failure in ToRedisOptions(redis).Validate("Caching.Redis"))
                {
                    // RedisOptions names keys the configuration way ("Caching.Redis:Endpoint"); the file's messages use '.'.
                    errors.Add(failure.Replace("Caching.Redis:", "Caching.Redis.", StringComparison.Ordinal));
                }
            }

            if (string.IsNullOrEmpty(redis.KeyPrefix))
            {
                errors.Add("Caching.Redis.KeyPrefix: must not be empty (purges match on it)");
            }
        }

        if (caching.Admin.Key is { } key && key.Length < MinAdminKeyLength)
        {
            errors.Add($"Caching.Admin.Key: must be at least {MinAdminKeyLength} characters");
        }

        foreach (var (id, route) in config.Routes)
        {
            if (route.Cache is { } cache)
            {
                ValidateRoute($"Routes.{id}.Cache", route, cache, caching, errors);
            }
        }
    }

    /// <summary>The Redis connection options of the shared tier.</summary>
    public static RedisOptions ToRedisOptions(CacheRedisConfig redis) => new()
    {
        Endpoint = redis.Endpoint ?? string.Empty,
        Password = redis.Password,
        CommandTimeout = redis.CommandTimeout,
        // A connect is rarer than a command and slower (the first one at start, under JIT); give it room.
        ConnectTimeout = redis.CommandTimeout > TimeSpan.FromSeconds(1) ? redis.CommandTimeout : TimeSpan.FromSeconds(1),
    };

    private static void ValidateRoute(string key, RouteConfig route, RouteCacheConfig cache, CachingConfig caching, List<string> errors)
    {
        ServerConfigValidator.RequirePositive(cache.Ttl, $"{key}.Ttl", errors);
        ServerConfigValidator.RequirePositive(cache.MaxBodySize, $"{key}.MaxBodySize", errors);
        if (cache.MaxBodySize > caching.MaxMemory)
        {
            errors.Add($"{key}.MaxBodySize: {cache.MaxBodySize} is more than Caching.MaxMemory ({caching.MaxMemory})");
        }

        if (route.Match?.Methods is { Count: > 0 } methods
            && !methods.Any(m => string.Equals(m, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(m, "HEAD", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"{key}: the route takes no GET or HEAD, so nothing could be cached");
        }
    }
}
