namespace Bff.Edge.Configuration;

/// <summary>Process-wide settings, applied at start (a reload that changes them is logged and ignored).</summary>
internal sealed record ServerConfig
{
    /// <summary>Default listen addresses: plain HTTP on 8080 and HTTPS (HTTP/1.1 + HTTP/2 via ALPN) on 8443.</summary>
    public static readonly IReadOnlyList<string> DefaultUrls = ["http://127.0.0.1:8080", "https://127.0.0.1:8443"];

    /// <summary>The longest <see cref="ShutdownDelay"/> accepted: orchestrators kill a pod that takes longer anyway.</summary>
    public static readonly TimeSpan MaxShutdownDelay = TimeSpan.FromMinutes(5);

    /// <summary><c>http://</c> or <c>https://</c> IP (or <c>localhost</c>) and port; port 0 picks a free one. Default <see cref="DefaultUrls"/>.</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>Certificate for the <c>https://</c> addresses.</summary>
    public TlsConfig Tls { get; init; } = new();

    /// <summary>
    /// Addresses (IPs or CIDR ranges) whose X-Forwarded-* headers are kept and appended to. Anyone else's are
    /// replaced. Default: none.
    /// </summary>
    public IReadOnlyList<string>? TrustedProxies { get; init; }

    /// <summary>Kestrel limits that protect the gateway from slow or oversized clients.</summary>
    public LimitsConfig Limits { get; init; } = new();

    /// <summary>How long a graceful shutdown waits for in-flight requests. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On SIGTERM, how long the gateway keeps serving while <c>/readyz</c> answers 503 and every response closes its
    /// connection, so a load balancer's health check takes it out before it stops accepting. Default 0 (a gateway with
    /// no balancer in front has no one to wait for); 0 to 5 minutes. Comes before <see cref="ShutdownTimeout"/>.
    /// </summary>
    public TimeSpan ShutdownDelay { get; init; } = TimeSpan.Zero;

    /// <summary>One JSON line per request.</summary>
    public AccessLogConfig AccessLog { get; init; } = new();

    /// <summary>
    /// Run socket completions, and the request code they resume, on the runtime's socket event threads (one per
    /// core) instead of handing each to the thread pool: nginx's model of one event loop per core. Default true: on
    /// two cores it cut the CPU per forwarded request from about 56 to 40 µs (docs/benchmarks.md). The price: a slow
    /// step on that path (brotli on a large body, an RS256 check) holds up the other connections of that thread for
    /// its duration. Applies to the executable only (it must be set before the first socket is opened).
    /// </summary>
    public bool InlineSocketCompletions { get; init; } = true;

    public bool Equals(ServerConfig? other) =>
        other is not null
        && ConfigEquality.ListEquals(Urls, other.Urls)
        && Tls == other.Tls
        && ConfigEquality.ListEquals(TrustedProxies, other.TrustedProxies)
        && Limits == other.Limits
        && ShutdownTimeout == other.ShutdownTimeout
        && ShutdownDelay == other.ShutdownDelay
        && AccessLog == other.AccessLog
        && InlineSocketCompletions == other.InlineSocketCompletions;

    public override int GetHashCode() =>
        HashCode.Combine(ConfigEquality.ListHash(Urls), Tls, ConfigEquality.ListHash(TrustedProxies), Limits, ShutdownTimeout, ShutdownDelay, AccessLog, InlineSocketCompletions);
}
