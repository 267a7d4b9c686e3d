namespace Bff.Edge.Grpc;

/// <summary>How a unary call ended; everything but <see cref="Ok"/> and <see cref="Status"/> is the edge's 502/504.</summary>
internal enum GrpcCallOutcome
{
    /// <summary>grpc-status 0 and one reply message.</summary>
    Ok,

    /// <summary>A non-zero grpc-status from the upstream.</summary>
    Status,

    /// <summary>No connection could be made.</summary>
    Unreachable,

    /// <summary>The upstream answered something that is not a valid unary gRPC answer, or the exchange broke.</summary>
    Failed,

    /// <summary>No complete answer within the route's timeout.</summary>
    TimedOut,
}
