using System.Diagnostics;
using Partner.Bff.Http;

namespace Partner.Bff.Usage;

/// <summary>
/// Counts every answered request of an admitted partner per version (<see cref="UsageMetrics"/>) and writes one
/// usage log line for it. Requests refused before a partner is known (401, 403) are counted by the edge.
/// </summary>
internal sealed partial class UsageMiddleware(RequestDelegate next, UsageMetrics metrics, ILogger<UsageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var caller = context.Features.Get<PartnerCaller>();
        var version = VersionOf(context.Request.Path);
        if (caller is null || version is null)
        {
            return;
        }

        var status = context.Response.StatusCode;
        metrics.Record(caller.ClientId, version, status);
        LogUsage(logger, caller.ClientId, caller.Plan, version, context.Request.Method, context.Request.Path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string? VersionOf(PathString path) =>
        path.StartsWithSegments("/partner/v1", StringComparison.Ordinal) ? "v1"
        : path.StartsWithSegments("/partner/v2", StringComparison.Ordinal) ? "v2"
        : null;

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Partner usage: {Partner} ({Plan}) {Version} {Method} {Path} -> {Status} in {ElapsedMs:F1} ms")]
    private static partial void LogUsage(ILogger logger, string partner, string plan, string version, string method, PathString path, int status, double elapsedMs);
}
