namespace Bff.RateLimiting;

/// <summary>The answer to one check: allowed or not, and what to tell the client about its quota.</summary>
public readonly record struct RateLimitDecision
{
    /// <summary>True when the request may proceed (a permit was taken).</summary>
    public bool IsAllowed { get; init; }

    /// <summary>The policy checked.</summary>
    public required RateLimitPolicy Policy { get; init; }

    /// <summary>The quota the policy grants at once (its burst), as advertised in <c>RateLimit-Policy</c> <c>q</c>.</summary>
    public long Limit => Policy.EffectiveBurst;

    /// <summary>Permits the key can still take right now (0 when denied).</summary>
    public long Remaining { get; init; }

    /// <summary>Time until the key's quota is fully restored if it makes no more requests.</summary>
    public TimeSpan ResetAfter { get; init; }

    /// <summary>When denied, the time until one permit is available; zero when allowed.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>Which limiter decided.</summary>
    public RateLimitSource Source { get; init; }
}
