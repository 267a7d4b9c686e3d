using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>
/// Two random weighted picks, keep the less loaded: near least-requests quality at constant cost, and no herd on
/// one idle destination when many gateways pick at once.
/// </summary>
internal sealed class PowerOfTwoChoicesPolicy : ILoadBalancingPolicy
{
    public DestinationState Pick(DestinationSet available)
    {
        var wheel = available.Wheel;
        var first = wheel[Random.Shared.Next(wheel.Length)];
        var second = wheel[Random.Shared.Next(wheel.Length)];
        return Load.IsLess(second, first) ? second : first;
    }
}
