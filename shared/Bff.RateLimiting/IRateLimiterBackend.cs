namespace Bff.RateLimiting;

/// <summary>
/// Takes one permit for a partition key under a policy, or says when to come back. The one call the edge makes per
/// request; independent of ASP.NET Core (the <c>Http/</c> helpers turn the decision into headers).
/// </summary>
public interface IRateLimiterBackend
{
    /// <summary>
    /// Checks <paramref name="key"/> (API key id, client id, user subject, client IP: the caller decides; any string,
    /// empty included, long ones are hashed) against <paramref name="policy"/>. Completes synchronously for the local limiter.
    /// </summary>
    ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default);
}
