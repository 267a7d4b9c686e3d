using Bff.Edge.Forwarding;
using Bff.Edge.Health;
using Bff.Edge.Routing;

namespace Bff.Edge.Hosting;

/// <summary>
/// The one per-request object of the gateway: the matched route (exposed as <see cref="IEdgeRouteFeature"/>), the
/// upstream path, the chosen destination, the outcome and the counters the access log reports.
/// </summary>
internal sealed class EdgeRequestState : IEdgeRouteFeature
{
    public EdgeRoute? Route { get; set; }

    public string? UpstreamPath { get; set; }

    public DestinationState? Destination { get; set; }

    public ForwarderError Error { get; set; }

    public ForwardingCounters Counters { get; } = new();

    public string RouteId => Route?.Id ?? string.Empty;

    public string ClusterId => Route?.Cluster.Id ?? string.Empty;
}
