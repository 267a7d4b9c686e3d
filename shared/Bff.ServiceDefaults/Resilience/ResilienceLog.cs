using Microsoft.Extensions.Logging;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>Log events of the resilience handler (event ids 1100-1199).</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Retrying {Method} {Service} ({Authority}), retry {Retry} after {DelayMs} ms: {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string service, string authority, int retry, double delayMs, string outcome);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Retry budget of {Service} used up; {Method} ({Authority}) not retried: {Outcome}")]
    public static partial void RetryBudgetExhausted(ILogger logger, string service, string method, string authority, string outcome);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Circuit of {Service} ({Authority}) opened for {BreakMs} ms: {Outcome}")]
    public static partial void CircuitOpened(ILogger logger, string service, string authority, double breakMs, string outcome);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Circuit of {Service} ({Authority}) half-open: one trial call")]
    public static partial void CircuitHalfOpened(ILogger logger, string service, string authority);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Circuit of {Service} ({Authority}) closed")]
    public static partial void CircuitClosed(ILogger logger, string service, string authority);
}
