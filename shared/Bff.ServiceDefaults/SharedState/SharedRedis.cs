using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bff.ServiceDefaults.SharedState;

/// <summary>
/// The suite's shared Redis for state that must hold across replicas, or its absence. Read when first asked, not at
/// registration, so configuration added late (tests' hosts) counts too. One connection per process, connected in the
/// background; while Redis is unreachable commands fail at once (<see cref="BacklogPolicy.FailFast"/>) instead of
/// queueing, so callers decide what a missing Redis means.
/// </summary>
public sealed class SharedRedis(IConfiguration configuration, IOptions<SharedRedisOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() => ConnectionMultiplexer.Connect(Configure(options.Value)));

    /// <summary>True when <c>RateLimiting:Backend</c> is <c>redis</c>.</summary>
    public bool IsConfigured => configuration.UsesSharedRedis();

    /// <summary>The connection (created on first use); only when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Connection => IsConfigured
        ? _connection.Value
        : throw new InvalidOperationException($"No shared Redis: {SharedRedisOptions.BackendKey} is not 'redis'.");

    /// <inheritdoc />
    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    private static ConfigurationOptions Configure(SharedRedisOptions options)
    {
        var commandMs = (int)options.CommandTimeout.TotalMilliseconds;
        var configuration = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds,
            SyncTimeout = commandMs,
            AsyncTimeout = commandMs,
            Password = options.Password,
        };
        configuration.EndPoints.Add(options.Endpoint);
        return configuration;
    }
}
