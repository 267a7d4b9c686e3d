namespace Bff.Edge.LoadBalancing;

/// <summary>The policy names accepted in <c>Clusters.*.LoadBalancingPolicy</c>.</summary>
internal static class LoadBalancingPolicies
{
    public const string RoundRobin = "RoundRobin";
    public const string LeastRequests = "LeastRequests";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";
    public const string Random = "Random";

    public static readonly IReadOnlyList<string> Names = [RoundRobin, LeastRequests, PowerOfTwoChoices, Random];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static ILoadBalancingPolicy Create(string? name) => name?.ToUpperInvariant() switch
    {
        null or "ROUNDROBIN" => new RoundRobinPolicy(),
        "LEASTREQUESTS" => new LeastRequestsPolicy(),
        "POWEROFTWOCHOICES" => new PowerOfTwoChoicesPolicy(),
        "RANDOM" => new RandomPolicy(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown load balancing policy"),
    };
}
