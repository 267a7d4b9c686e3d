using Microsoft.Extensions.Logging;

namespace Bff.ServiceDefaults.Shutdown;

internal static partial class ShutdownLog
{
    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Shutting down: /readyz answers 503 and connections close after their request for {Delay}, then in-flight requests drain")]
    public static partial void DrainStarted(ILogger logger, TimeSpan delay);
}
