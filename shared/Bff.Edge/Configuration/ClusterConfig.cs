namespace Bff.Edge.Configuration;

/// <summary>A set of equivalent destinations and how to spread requests over them.</summary>
internal sealed record ClusterConfig
{
    /// <summary><c>RoundRobin</c> (default), <c>LeastRequests</c>, <c>PowerOfTwoChoices</c> or <c>Random</c>; all honour weights.</summary>
    public string? LoadBalancingPolicy { get; init; }

    /// <summary>Destinations by id. At least one is required.</summary>
    public IReadOnlyDictionary<string, DestinationConfig>? Destinations { get; init; }

    /// <summary>Active and passive health checks. Default: passive on, active off.</summary>
    public HealthCheckConfig HealthCheck { get; init; } = new();

    /// <summary>
    /// Upstream HTTP version: <c>1.1</c> (default) or <c>2</c> (for <c>http://</c> destinations this means HTTP/2
    /// with prior knowledge, as gRPC services expect).
    /// </summary>
    public string? HttpVersion { get; init; }

    public bool Equals(ClusterConfig? other) =>
        other is not null
        && string.Equals(LoadBalancingPolicy, other.LoadBalancingPolicy, StringComparison.Ordinal)
        && ConfigEquality.DictionaryEquals(Destinations, other.Destinations)
        && HealthCheck == other.HealthCheck
        && string.Equals(HttpVersion, other.HttpVersion, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(LoadBalancingPolicy, ConfigEquality.DictionaryHash(Destinations), HealthCheck, HttpVersion);
}
