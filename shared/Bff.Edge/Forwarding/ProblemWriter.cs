using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Forwarding;

/// <summary>Writes the gateway's own error answers as RFC 9457 problem details.</summary>
internal static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    // extension: one extra member after detail (a gRPC route's grpcStatus), or none.
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, (string Name, string Value)? extension = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        response.Clear();
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";

        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"https://httpstatuses.io/{status}");
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            if (extension is var (name, value))
            {
                writer.WriteString(name, value);
            }

            writer.WriteString("traceId", context.TraceIdentifier);
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>Status, title and detail for each forwarding error that gets an answer.</summary>
    public static (int Status, string Title, string Detail) Describe(ForwarderError error) => error switch
    {
        ForwarderError.NoRoute => (StatusCodes.Status404NotFound, "Not Found", "No route matches this request."),
        ForwarderError.NoAvailableDestination => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "No healthy destination is available for this route."),
        ForwarderError.UpstreamConnect => (StatusCodes.Status502BadGateway, "Bad Gateway", "The upstream service could not be reached."),
        ForwarderError.UpstreamRequest => (StatusCodes.Status502BadGateway, "Bad Gateway", "The upstream service failed before answering."),
        ForwarderError.UpstreamTimeout => (StatusCodes.Status504GatewayTimeout, "Gateway Timeout", "The upstream service did not answer in time."),
        ForwarderError.RequestBodyTooLarge => (StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The request body exceeds this route's limit."),
        _ => (StatusCodes.Status400BadRequest, "Bad Request", "The request body could not be read."),
    };
}
