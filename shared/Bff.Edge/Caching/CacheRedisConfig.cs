namespace Bff.Edge.Caching;

/// <summary>
/// The shared Redis tier (<c>Caching.Redis</c>). Every edge instance that names the same server and prefix sees
/// the entries the others stored. Redis trouble never fails a request: the cache falls back to the local tier.
/// </summary>
internal sealed record CacheRedisConfig
{
    /// <summary><c>host:port</c>. Required.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Sent with <c>AUTH</c> when set.</summary>
    public string? Password { get; init; }

    /// <summary>Prefix of every key the cache writes. Default <c>bff:edge:cache:</c>.</summary>
    public string KeyPrefix { get; init; } = "bff:edge:cache:";

    /// <summary>Longest wait for one Redis reply before the request carries on without it. Default 250 ms.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
}
