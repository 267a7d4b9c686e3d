using Bff.Edge.Forwarding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bff.Edge.Grpc;

/// <summary>
/// Problem details of a JSON-to-gRPC route: <see cref="ProblemWriter"/>'s, titled by the status, plus
/// <c>grpcStatus</c> (the code's name) when the upstream answered with a gRPC error.
/// </summary>
internal static class GrpcProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string detail, string? grpcStatus = null) =>
        ProblemWriter.WriteAsync(
            context,
            status,
            status == GrpcStatusMapping.ClientClosedRequest ? "Client Closed Request" : ReasonPhrases.GetReasonPhrase(status),
            detail,
            grpcStatus is null ? null : ("grpcStatus", grpcStatus));
}
