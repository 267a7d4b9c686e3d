using Bff.Edge.Caching;
using Bff.Edge.Grpc;

namespace Bff.Edge.Configuration;

/// <summary>
/// One route: which requests it takes (<see cref="Match"/>), where they go (<see cref="ClusterId"/>) and how the
/// request is rewritten on the way (<see cref="Transforms"/>).
/// </summary>
internal sealed record RouteConfig
{
    /// <summary>Target cluster id. Required.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Lower runs first; ties are broken by specificity (literal path before parameters before catch-all). Default 0.</summary>
    public int Order { get; init; }

    /// <summary>Match criteria; a request must satisfy all of them. Required (at least <c>Path</c>).</summary>
    public RouteMatchConfig? Match { get; init; }

    /// <summary>Path rewrite and Host header choice.</summary>
    public RouteTransformsConfig Transforms { get; init; } = new();

    /// <summary>Cross-origin access (preflights answered at the edge); null means the edge leaves CORS to the upstream.</summary>
    public RouteCorsConfig? Cors { get; init; }

    /// <summary>Brotli/gzip compression of the upstream's uncompressed answers; null means none.</summary>
    public RouteCompressionConfig? Compression { get; init; }

    /// <summary>
    /// Upstream activity timeout: the time allowed for the response headers and between two body reads; past it
    /// the answer is 504 (or the connection is aborted if the response has started). Default 100 s.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Request body limit for this route (413 beyond); null uses <c>Server.Limits.MaxRequestBodySize</c>.</summary>
    public long? MaxRequestBodySize { get; init; }

    /// <summary>Who may take the route; null means anonymous.</summary>
    public RouteAuthConfig? Auth { get; init; }

    /// <summary>The rate limit of the route's callers; null means none.</summary>
    public RouteRateLimitConfig? RateLimit { get; init; }

    /// <summary>Response caching of the route's GET/HEAD answers; null means none.</summary>
    public RouteCacheConfig? Cache { get; init; }

    /// <summary>Answers the route by translating JSON to one unary gRPC call (no forwarding); null means a plain proxy route.</summary>
    public RouteGrpcConfig? Grpc { get; init; }
}
