using Microsoft.Extensions.Logging;

namespace Bff.Edge.Grpc;

/// <summary>Log messages of JSON-to-gRPC routes (event ids 1200-1299).</summary>
internal static partial class GrpcLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "gRPC call {Method} of route {RouteId} to {Destination} failed ({Outcome}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string method, string routeId, string destination, GrpcCallOutcome outcome, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Route {RouteId} has no usable gRPC method: {Error}")]
    public static partial void MethodUnavailable(ILogger logger, string routeId, string error);
}
