using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>
/// The destination with the fewest in-flight requests per unit of weight. Scanning starts at a rotating offset so
/// ties (an idle cluster) spread instead of all landing on the first destination.
/// </summary>
internal sealed class LeastRequestsPolicy : ILoadBalancingPolicy
{
    private uint _offset;

    public DestinationState Pick(DestinationSet available)
    {
        var items = available.Items;
        var start = (int)(Interlocked.Increment(ref _offset) % (uint)items.Length);
        var best = items[start];
        for (var i = 1; i < items.Length; i++)
        {
            var candidate = items[(start + i) % items.Length];
            if (Load.IsLess(candidate, best))
            {
                best = candidate;
            }
        }

        return best;
    }
}
