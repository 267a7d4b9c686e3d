using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.Redis;

/// <summary>Registers the Redis client.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RedisOptions"/> from <paramref name="section"/> (validated at start, messages name the keys)
    /// and registers one shared <see cref="IRedisClient"/>. It connects on first use, so start-up never waits for Redis.
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<RedisOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>>(new RedisOptionsValidator(section.Path));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRedisClient>(provider => new RedisClient(
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetRequiredService<ILogger<RedisClient>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
