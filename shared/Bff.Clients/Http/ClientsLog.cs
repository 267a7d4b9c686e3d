using Bff.Clients.Results;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Http;

/// <summary>Log events of the domain clients (event ids 1200-1299).</summary>
internal static partial class ClientsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "{Service} {Method} {Path} failed: {Kind} (status {Status}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string service, string method, string path, ServiceErrorKind kind, int? status, string reason);
}
