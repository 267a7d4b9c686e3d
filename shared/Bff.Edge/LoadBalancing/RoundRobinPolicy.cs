using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>Walks the weighted wheel in turn: equal weights give an even spread, 90/10 gives 9 of every 10.</summary>
internal sealed class RoundRobinPolicy : ILoadBalancingPolicy
{
    private uint _counter;

    public DestinationState Pick(DestinationSet available)
    {
        var wheel = available.Wheel;
        var next = Interlocked.Increment(ref _counter);
        return wheel[(int)(next % (uint)wheel.Length)];
    }
}
