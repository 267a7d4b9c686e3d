using System.Text.Json;
using Bff.Edge.Forwarding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bff.Edge.Grpc;

/// <summary>
/// RFC 9457 problem details of a JSON-to-gRPC route: the shape of <see cref="ProblemWriter"/>, plus
/// <c>grpcStatus</c> (the code's name) when the upstream answered with a gRPC error.
/// </summary>
internal static class GrpcProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string detail, string? grpcStatus = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ProblemWriter.ContentType;
        response.Headers.CacheControl = "no-store";

        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"https://httpstatuses.io/{status}");
            writer.WriteString("title", status == GrpcStatusMapping.ClientClosedRequest ? "Client Closed Request" : ReasonPhrases.GetReasonPhrase(status));
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            if (grpcStatus is not null)
            {
                writer.WriteString("grpcStatus", grpcStatus);
            }

            writer.WriteString("traceId", context.TraceIdentifier);
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }
}
