namespace Bff.RateLimiting;

/// <summary>The <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingOptions
{
    /// <summary>The section's name.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary><c>local</c> (default: each instance limits alone) or <c>redis</c> (one limit shared by every instance).</summary>
    public string Backend { get; set; } = "local";

    /// <summary>
    /// The Redis connection when <see cref="Backend"/> is <c>redis</c> (<c>RateLimiting:Redis:Endpoint</c> etc.). Defaults
    /// tighter than <see cref="RedisOptions"/>' own: a check waits at most 250 ms for Redis, a connection attempt 500 ms.
    /// </summary>
    public RedisOptions Redis { get; set; } = new()
    {
        CommandTimeout = TimeSpan.FromMilliseconds(250),
        ConnectTimeout = TimeSpan.FromMilliseconds(500),
    };

    /// <summary><c>open</c> (default: fall back to the in-process limiter) or <c>closed</c> (deny with 503) while Redis is down.</summary>
    public string RedisFailure { get; set; } = "open";

    /// <summary>While Redis is down, how often one check probes it. Default 5 s; 100 ms to 10 min.</summary>
    public TimeSpan RedisProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of every Redis key. Default <c>bff:rl:</c>.</summary>
    public string KeyPrefix { get; set; } = "bff:rl:";

    /// <summary>The most partition keys the in-process limiter holds. Default 100,000.</summary>
    public int MaxLocalKeys { get; set; } = 100_000;

    /// <summary>
    /// Policies by name (<c>RateLimiting:Policies:&lt;name&gt;:Limit|Period|Burst</c>). Ships with <c>app-users</c>
    /// (20/s, burst 40), <c>partner-free</c> (60/min) and <c>partner-gold</c> (600/min); configuration overrides or adds.
    /// </summary>
    public Dictionary<string, RateLimitPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["app-users"] = RateLimitPolicy.AppUsers(),
        ["partner-free"] = RateLimitPolicy.PartnerFree(),
        ["partner-gold"] = RateLimitPolicy.PartnerGold(),
    };

    internal bool UsesRedis => string.Equals(Backend, "redis", StringComparison.OrdinalIgnoreCase);

    internal RedisFailureMode FailureMode =>
        string.Equals(RedisFailure, "closed", StringComparison.OrdinalIgnoreCase) ? RedisFailureMode.Closed : RedisFailureMode.Open;
}
