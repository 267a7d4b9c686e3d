using System.Text.Json;
using Bff.Edge.Caching;

namespace Bff.Edge.Configuration;

/// <summary>
/// The whole config file. <see cref="Server"/> is read once at start; <see cref="Routes"/> and
/// <see cref="Clusters"/> are hot reloadable. Keys of the dictionaries are the route and cluster ids.
/// </summary>
internal sealed record EdgeConfig
{
    /// <summary>Listen addresses, TLS, limits, trusted proxies, shutdown, access log.</summary>
    public ServerConfig Server { get; init; } = new();

    /// <summary>Routes by id.</summary>
    public IReadOnlyDictionary<string, RouteConfig> Routes { get; init; } = new Dictionary<string, RouteConfig>();

    /// <summary>Clusters by id.</summary>
    public IReadOnlyDictionary<string, ClusterConfig> Clusters { get; init; } = new Dictionary<string, ClusterConfig>();

    /// <summary>Identity headers stripped from clients and the assertion key; read at start.</summary>
    public IdentityForwardingConfig Identity { get; init; } = new();

    /// <summary>
    /// Token and API key validation (<c>Jwt</c>, <c>ApiKeys</c>), bound at start to the authentication library's
    /// options as the configuration section <c>Authentication</c>; kept here only to validate routes against it.
    /// </summary>
    public JsonElement? Authentication { get; init; }

    /// <summary>Rate limiting backend and policies, bound at start as the configuration section <c>RateLimiting</c>.</summary>
    public JsonElement? RateLimiting { get; init; }

    /// <summary>The response cache's memory budget, shared Redis tier and invalidation endpoint; read at start.</summary>
    public CachingConfig Caching { get; init; } = new();

    public bool Equals(EdgeConfig? other) =>
        other is not null
        && Server == other.Server
        && Identity == other.Identity
        && ConfigEquality.DictionaryEquals(Routes, other.Routes)
        && ConfigEquality.DictionaryEquals(Clusters, other.Clusters);

    public override int GetHashCode() =>
        HashCode.Combine(Server, ConfigEquality.DictionaryHash(Routes), ConfigEquality.DictionaryHash(Clusters));
}
