using Microsoft.Extensions.Logging;

namespace Bff.GraphQL.Http;

/// <summary>Source-generated log messages of the GraphQL endpoint (event ids 5100-5199).</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Debug, "GraphQL request refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string reason);

    [LoggerMessage(5101, LogLevel.Warning, "GraphQL field {Path} failed")]
    public static partial void FieldFailed(ILogger logger, Exception exception, string path);
}
