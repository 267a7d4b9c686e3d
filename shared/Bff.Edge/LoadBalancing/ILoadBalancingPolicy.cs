using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>Chooses a destination among the available ones. One instance per cluster; called concurrently.</summary>
internal interface ILoadBalancingPolicy
{
    /// <summary>Picks from a non-empty set. Must not allocate: it runs on every request.</summary>
    DestinationState Pick(DestinationSet available);
}
