namespace Bff.RateLimiting;

/// <summary>Which limiter made a decision.</summary>
public enum RateLimitSource
{
    /// <summary>The in-process limiter, as configured (<c>RateLimiting:Backend = local</c>).</summary>
    Local,

    /// <summary>The shared limiter in Redis.</summary>
    Redis,

    /// <summary>The in-process limiter standing in while Redis is unavailable (<c>RedisFailure = open</c>).</summary>
    LocalFallback,

    /// <summary>A denial because Redis is unavailable (<c>RedisFailure = closed</c>): answered with 503, not 429.</summary>
    FailClosed,
}
