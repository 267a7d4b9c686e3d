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

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Connected to Redis at {Endpoint} ({Connection})")]
    public static partial void RedisConnected(ILogger logger, string endpoint, string connection);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Could not connect to Redis at {Endpoint}; connecting again in the background")]
    public static partial void RedisUnreachable(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Lost the connection to Redis at {Endpoint} ({Connection}, {Failure}): {Reason}")]
    public static partial void RedisConnectionLost(ILogger logger, string endpoint, string connection, string failure, string reason);
}
