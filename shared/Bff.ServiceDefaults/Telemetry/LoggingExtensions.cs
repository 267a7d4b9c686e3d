using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.ServiceDefaults.Telemetry;

internal static class LoggingExtensions
{
    /// <summary>One JSON object per log line, carrying the trace and span ids of the current activity.</summary>
    public static void AddSuiteLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
