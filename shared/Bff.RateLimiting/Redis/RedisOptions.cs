using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// Where Redis is and how long to wait for it. Bound from a configuration section (e.g. <c>RateLimiting:Redis</c>);
/// <see cref="RedisConnection"/> turns it into a StackExchange.Redis multiplexer.
/// </summary>
public sealed class RedisOptions
{
    // Idle connections send a PING this often, so a connection a firewall or a dead server dropped silently is found
    // before a request needs it.
    private const int KeepAliveSeconds = 5;

    /// <summary><c>host:port</c> (IPv6 as <c>[::1]:6379</c>). Default <c>127.0.0.1:6379</c>.</summary>
    public string Endpoint { get; set; } = "127.0.0.1:6379";

    /// <summary>Sent with <c>AUTH</c> after connecting when set. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>How long one connection attempt may take. Default 2 s; 1 ms to 5 min.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a command waits for its reply before it fails with a <see cref="TimeoutException"/>. Default 1 s; 1 ms to 5 min.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wait after the first failed connection attempt; growing exponentially (randomized) after each further failure.
    /// Default 100 ms. Attempts are made on the multiplexer's heartbeat (every <see cref="CommandTimeout"/>, 100 ms to 1 s).
    /// </summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between connection attempts. Default 5 s; at least <see cref="ReconnectBaseDelay"/>.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Checks every setting and returns one message per problem, each naming its configuration key under
    /// <paramref name="sectionPath"/> (empty when valid).
    /// </summary>
    public IReadOnlyList<string> Validate(string sectionPath)
    {
        var prefix = string.IsNullOrEmpty(sectionPath) ? string.Empty : sectionPath + ":";
        var failures = new List<string>();
        if (!RedisEndpoint.TryParse(Endpoint, out _, out var error))
        {
            failures.Add($"{prefix}{nameof(Endpoint)} {error}.");
        }

        CheckDuration(failures, prefix + nameof(ConnectTimeout), ConnectTimeout);
        CheckDuration(failures, prefix + nameof(CommandTimeout), CommandTimeout);
        CheckDuration(failures, prefix + nameof(ReconnectBaseDelay), ReconnectBaseDelay);
        CheckDuration(failures, prefix + nameof(ReconnectMaxDelay), ReconnectMaxDelay);
        if (ReconnectMaxDelay < ReconnectBaseDelay)
        {
            failures.Add($"{prefix}{nameof(ReconnectMaxDelay)} ({ReconnectMaxDelay}) must not be shorter than {prefix}{nameof(ReconnectBaseDelay)} ({ReconnectBaseDelay}).");
        }

        return failures;
    }

    internal RedisEndpoint ParsedEndpoint =>
        RedisEndpoint.TryParse(Endpoint, out var endpoint, out var error) ? endpoint : throw new ArgumentException($"Redis endpoint {error}.");

    private static void CheckDuration(List<string> failures, string key, TimeSpan value)
    {
        if (value < TimeSpan.FromMilliseconds(1) || value > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{key} must be between 1 ms and 5 minutes (was {value}).");
        }
    }

    /// <summary>The multiplexer configuration: never gives up connecting, never queues a command for a server that is down.</summary>
    internal ConfigurationOptions ToConfiguration(string clientName)
    {
        var endpoint = ParsedEndpoint;
        var configuration = new ConfigurationOptions
        {
            // Start, and keep reconnecting in the background, while Redis is down: each caller decides what a missing
            // Redis means (the rate limiter's circuit, the cache's pause).
            AbortOnConnectFail = false,

            // A command issued while the connection is down fails at once instead of waiting in a backlog for it.
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = Milliseconds(ConnectTimeout),
            AsyncTimeout = Milliseconds(CommandTimeout),
            SyncTimeout = Milliseconds(CommandTimeout),
            ReconnectRetryPolicy = new ExponentialRetry(Milliseconds(ReconnectBaseDelay), Milliseconds(ReconnectMaxDelay)),
            KeepAlive = KeepAliveSeconds,

            // The heartbeat retries a lost connection and fails commands past their timeout: at the command timeout's
            // pace (at most once a second), a restarted Redis is used again within about one timeout.
            HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(CommandTimeout.TotalMilliseconds, 100, 1000)),
            ClientName = clientName,
            Password = string.IsNullOrEmpty(Password) ? null : Password,
        };
        configuration.EndPoints.Add(endpoint.Host, endpoint.Port);
        return configuration;
    }

    private static int Milliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);
}
