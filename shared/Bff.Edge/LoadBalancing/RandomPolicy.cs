using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>A uniformly random slot of the weighted wheel.</summary>
internal sealed class RandomPolicy : ILoadBalancingPolicy
{
    public DestinationState Pick(DestinationSet available) =>
        available.Wheel[Random.Shared.Next(available.Wheel.Length)];
}
