namespace Bff.Edge.Grpc;

/// <summary>The end of a unary call: the reply message on success, else the gRPC status or the failure's reason.</summary>
internal readonly record struct GrpcCallResult(GrpcCallOutcome Outcome, int Status, string? Message, ReadOnlyMemory<byte> Reply)
{
    public static GrpcCallResult Fail(GrpcCallOutcome outcome, string reason) => new(outcome, 0, reason, default);
}
