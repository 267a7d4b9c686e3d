using System.Net;

namespace Bff.Edge.AccessLog;

/// <summary>
/// One access log line, held as references until the background writer formats it. Deliberately has no field for
/// headers, cookies or the query string: nothing sensitive can end up in the log.
/// </summary>
internal readonly record struct AccessLogEntry(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Protocol,
    string? RouteId,
    int Status,
    double DurationMs,
    string? Upstream,
    long BytesIn,
    long BytesOut,
    IPAddress? Client,
    string? TraceParent,
    string? Error);
