namespace Bff.Edge.Configuration;

/// <summary>Kestrel limits, with defaults chosen for a public front door.</summary>
internal sealed record LimitsConfig
{
    /// <summary>Total size of request headers; beyond it the answer is 431. Default 32 KiB.</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = 32 * 1024;

    /// <summary>Number of request headers. Default 100.</summary>
    public int MaxRequestHeaderCount { get; init; } = 100;

    /// <summary>Request line (method + target + version) size; beyond it 414. Default 8 KiB.</summary>
    public int MaxRequestLineSize { get; init; } = 8 * 1024;

    /// <summary>Request body size unless a route sets its own; beyond it 413. Default 10 MiB.</summary>
    public long MaxRequestBodySize { get; init; } = 10 * 1024 * 1024;

    /// <summary>Time a client has to send all request headers (slowloris). Default 10 s.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Idle keep-alive connections are closed after this. Default 2 min.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Minimum request body rate in bytes/s, after <see cref="MinDataRateGracePeriod"/>. Default 240; 0 disables.</summary>
    public double MinRequestBodyDataRate { get; init; } = 240;

    /// <summary>Minimum response rate in bytes/s (a client that does not read). Default 240; 0 disables.</summary>
    public double MinResponseDataRate { get; init; } = 240;

    /// <summary>Grace period before the data rates apply; more than 1 s (Kestrel's rule). Default 5 s.</summary>
    public TimeSpan MinDataRateGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent connections; null = unlimited. Default null.</summary>
    public long? MaxConcurrentConnections { get; init; }
}
