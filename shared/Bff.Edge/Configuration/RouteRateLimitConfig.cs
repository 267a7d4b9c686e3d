namespace Bff.Edge.Configuration;

/// <summary>Which rate-limit policy applies to a route's callers, and what one caller is.</summary>
internal sealed record RouteRateLimitConfig
{
    /// <summary>Policy name under <c>RateLimiting:Policies</c> (or a built-in: <c>app-users</c>, <c>partner-free</c>, <c>partner-gold</c>).</summary>
    public string? Policy { get; init; }

    /// <summary>Policy per partner plan (<c>free</c> to <c>partner-free</c>...); callers without a listed plan get <see cref="Policy"/>.</summary>
    public IReadOnlyDictionary<string, string>? PlanPolicies { get; init; }

    /// <summary>What one partition is. Default <see cref="RateLimitPartition.Subject"/>.</summary>
    public RateLimitPartition PartitionBy { get; init; } = RateLimitPartition.Subject;

    public bool Equals(RouteRateLimitConfig? other) =>
        other is not null
        && string.Equals(Policy, other.Policy, StringComparison.Ordinal)
        && ConfigEquality.DictionaryEquals(PlanPolicies, other.PlanPolicies)
        && PartitionBy == other.PartitionBy;

    public override int GetHashCode() => HashCode.Combine(Policy, ConfigEquality.DictionaryHash(PlanPolicies), PartitionBy);
}
