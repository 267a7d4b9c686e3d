namespace Bff.RateLimiting;

/// <summary>What one GCRA step decided, in microseconds; <see cref="NewTat"/> is what to store when allowed.</summary>
internal readonly record struct GcraResult(bool Allowed, long Remaining, long ResetAfter, long RetryAfter, long NewTat)
{
    public RateLimitDecision ToDecision(RateLimitPolicy policy, RateLimitSource source) => new()
    {
        IsAllowed = Allowed,
        Policy = policy,
        Remaining = Remaining,
        ResetAfter = TimeSpan.FromMicroseconds(ResetAfter),
        RetryAfter = TimeSpan.FromMicroseconds(RetryAfter),
        Source = source,
    };
}
