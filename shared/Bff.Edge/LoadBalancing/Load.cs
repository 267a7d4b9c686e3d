using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>Compares in-flight requests per unit of weight without dividing.</summary>
internal static class Load
{
    public static bool IsLess(DestinationState left, DestinationState right) =>
        (long)left.ConcurrentRequests * Math.Max(1, right.Weight) < (long)right.ConcurrentRequests * Math.Max(1, left.Weight);
}
