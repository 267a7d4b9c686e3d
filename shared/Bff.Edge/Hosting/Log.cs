using Microsoft.Extensions.Logging;

namespace Bff.Edge.Hosting;

/// <summary>All log messages of the gateway, with their event ids in one place. Never logs secrets or headers.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Edge config loaded from {Source}: {RouteCount} routes, {ClusterCount} clusters")]
    public static partial void ConfigLoaded(ILogger logger, string source, int routeCount, int clusterCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Edge config reloaded from {Source}: {RouteCount} routes, {ClusterCount} clusters ({ChangedClusters} clusters changed)")]
    public static partial void ConfigReloaded(ILogger logger, string source, int routeCount, int clusterCount, int changedClusters);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Edge config reload rejected, the last good config keeps serving: {Error}")]
    public static partial void ConfigReloadRejected(ILogger logger, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Edge config reload changed the Server section; it applies at the next restart")]
    public static partial void ServerSectionChangeIgnored(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The edge runs without routes: every request gets 404. Pass --config FILE, EDGE_CONFIG or --to URL")]
    public static partial void NoRoutes(ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Destination {DestinationId} of cluster {ClusterId} is now {State} (active health check)")]
    public static partial void ActiveHealthChanged(ILogger logger, string clusterId, string destinationId, string state);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Generated a self-signed development certificate at {Path}")]
    public static partial void DevCertificateGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Access log queue full; {Dropped} lines dropped so far")]
    public static partial void AccessLogDropped(ILogger logger, long dropped);
}
