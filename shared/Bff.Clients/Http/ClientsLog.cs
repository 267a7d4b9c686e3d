using Bff.Clients.Results;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Http;

/// <summary>Log events of the domain clients (event ids 1200-1299).</summary>
internal static partial class ClientsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "{Service} {Method} {Path} failed: {Kind} (status {Status}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string service, string method, string path, ServiceErrorKind kind, int? status, string reason);

    // Not found and bad requests are answers, not incidents: kept out of the warnings.
    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "{Service} {Method} {Path} refused: {Kind} (status {Status}): {Reason}")]
    public static partial void CallRefused(ILogger logger, string service, string method, string path, ServiceErrorKind kind, int? status, string reason);
}
