namespace Bff.RateLimiting;

/// <summary>What checks do while Redis is unavailable (<c>RateLimiting:RedisFailure</c>).</summary>
public enum RedisFailureMode
{
    /// <summary>Default: each gateway limits with its own in-process limiter (per-instance limits, still limited).</summary>
    Open,

    /// <summary>Deny every request with 503 and <c>Retry-After</c> until Redis answers again.</summary>
    Closed,
}
