namespace Bff.Stubs.Reviews.Grpc;

/// <summary>The gRPC status codes the stub answers with (grpc/doc/statuscodes.md).</summary>
internal enum GrpcStatusCode
{
    Ok = 0,
    InvalidArgument = 3,
    NotFound = 5,
    Unimplemented = 12,
    Internal = 13,
}
