using Bff.Edge.Configuration;
using Bff.Edge.Health;
using Bff.Edge.Routing;

namespace Bff.Edge.Hosting;

/// <summary>
/// One immutable generation of routes and clusters. Requests read the current snapshot once and keep it, so a
/// reload swaps a reference and never changes a request in flight.
/// </summary>
internal sealed class EdgeSnapshot
{
    private EdgeSnapshot(EdgeConfig config, RouteTable routes, IReadOnlyDictionary<string, ClusterState> clusters)
    {
        Config = config;
        Routes = routes;
        Clusters = clusters;
    }

    public EdgeConfig Config { get; }

    public RouteTable Routes { get; }

    public IReadOnlyDictionary<string, ClusterState> Clusters { get; }

    /// <summary>
    /// Compiles a validated config. Cluster states whose config did not change are taken over from
    /// <paramref name="previous"/>, keeping their health and in-flight counts.
    /// </summary>
    public static EdgeSnapshot Build(EdgeConfig config, EdgeSnapshot? previous, TimeProvider timeProvider)
    {
        var clusters = new Dictionary<string, ClusterState>(StringComparer.Ordinal);
        foreach (var (id, clusterConfig) in config.Clusters)
        {
            clusters[id] = previous is not null && previous.Clusters.TryGetValue(id, out var existing) && existing.Config == clusterConfig
                ? existing
                : new ClusterState(id, clusterConfig, timeProvider);
        }

        var routes = config.Routes.Select(r => new EdgeRoute(r.Key, r.Value, clusters[r.Value.ClusterId!]));
        return new EdgeSnapshot(config, new RouteTable(routes), clusters);
    }
}
