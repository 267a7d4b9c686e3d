using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting;

/// <summary>The library's log events (ids 100-199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Redis rate limiting at {Endpoint} is unavailable; failing {Mode} ({Fallback}) and probing again every {ProbeSeconds} s: {Reason}")]
    public static partial void RedisUnavailable(ILogger logger, string endpoint, string mode, string fallback, double probeSeconds, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Redis rate limiting at {Endpoint} recovered after {OutageSeconds:0.0} s; limits are shared again")]
    public static partial void RedisRecovered(ILogger logger, string endpoint, double outageSeconds);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Redis rate limiting probe to {Endpoint} failed: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information,
        Message = "Rate limiting backend {Backend}, Redis failure mode {Mode}, policies: {Policies}")]
    public static partial void Started(ILogger logger, string backend, string mode, string policies);
}
