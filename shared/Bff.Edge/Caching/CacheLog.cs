using Microsoft.Extensions.Logging;

namespace Bff.Edge.Caching;

/// <summary>Log messages of the response cache (event ids 1100-1119; the gateway's others are in <c>Hosting/Log.cs</c>).</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Response cache: Redis tier failed ({Error}: {Message}); serving from the local tier for a while")]
    public static partial void RedisFailed(ILogger logger, string error, string message);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Response cache purged (route {Route}, path {Path}): {Local} local entries, {Shared} shared")]
    public static partial void Purged(ILogger logger, string route, string path, int local, long shared);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Response cache: {MaxMemory} bytes in process, shared tier {Shared}, invalidation endpoint {Admin}")]
    public static partial void Configured(ILogger logger, long maxMemory, string shared, string admin);
}
