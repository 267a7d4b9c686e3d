using System.Globalization;
using Bff.ServiceDefaults.SharedState;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers <see cref="SharedRedis"/>: the suite's Redis when one is configured.</summary>
public static class SharedRedisExtensions
{
    /// <summary>True when <c>RateLimiting:Backend</c> is <c>redis</c>: state that must hold across replicas lives in Redis.</summary>
    public static bool UsesSharedRedis(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[SharedRedisOptions.BackendKey], "redis", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Adds <see cref="SharedRedis"/> and binds <see cref="SharedRedisOptions"/> from <c>RateLimiting:Redis</c>, the section
    /// the edge and <c>./run.sh --redis</c> already use; validated at start when <c>RateLimiting:Backend</c> is <c>redis</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSharedRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SharedRedisOptions>().BindConfiguration(SharedRedisOptions.SectionName)
            .Validate<IConfiguration>((o, c) => !c.UsesSharedRedis() || IsEndpoint(o.Endpoint), "RateLimiting:Redis:Endpoint must be host:port.")
            .Validate<IConfiguration>((o, c) => !c.UsesSharedRedis() || InRange(o.ConnectTimeout), "RateLimiting:Redis:ConnectTimeout must be between 1 ms and 5 minutes.")
            .Validate<IConfiguration>((o, c) => !c.UsesSharedRedis() || InRange(o.CommandTimeout), "RateLimiting:Redis:CommandTimeout must be between 1 ms and 5 minutes.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<SharedRedis>();
        return builder;
    }

    private static bool IsEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0
            && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }

    private static bool InRange(TimeSpan value) => value >= TimeSpan.FromMilliseconds(1) && value <= TimeSpan.FromMinutes(5);
}
