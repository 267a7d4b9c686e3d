namespace Bff.ServiceDefaults.SharedState;

/// <summary>
/// The suite's shared Redis, as the BFFs see it. Bound from <c>RateLimiting:Redis</c>, the section <c>./run.sh --redis</c>,
/// compose and Kubernetes already set for the edge, and used only while <c>RateLimiting:Backend</c> is <c>redis</c>.
/// </summary>
public sealed class SharedRedisOptions
{
    /// <summary>The section bound.</summary>
    public const string SectionName = "RateLimiting:Redis";

    /// <summary>The key that switches Redis on (<c>redis</c>) or off (anything else; default <c>local</c>).</summary>
    public const string BackendKey = "RateLimiting:Backend";

    /// <summary><c>RateLimiting:Redis:Endpoint</c>: <c>host:port</c>. Default <c>127.0.0.1:6379</c>.</summary>
    public string Endpoint { get; set; } = "127.0.0.1:6379";

    /// <summary><c>RateLimiting:Redis:Password</c>: sent with <c>AUTH</c> when set. Default none.</summary>
    public string? Password { get; set; }

    /// <summary><c>RateLimiting:Redis:ConnectTimeout</c>: one connection attempt. Default 2 s; 1 ms..5 min.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>RateLimiting:Redis:CommandTimeout</c>: how long a command waits for its reply. Default 1 s; 1 ms..5 min.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
