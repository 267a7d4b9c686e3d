using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Google.Protobuf;

namespace Bff.Stubs.Reviews.Grpc;

/// <summary>
/// Unary gRPC over HTTP/2 by hand (grpc/doc/PROTOCOL-HTTP2.md): one length-prefixed message each way, the status in
/// the <c>grpc-status</c>/<c>grpc-message</c> trailers, or in the headers of a trailers-only answer on error.
/// </summary>
internal static class GrpcUnary
{
    public const string ContentType = "application/grpc";

    /// <summary>Far above what 100 ids take; a larger frame is refused before it is buffered.</summary>
    private const int MaxMessageSize = 64 * 1024;

    /// <summary>Reads the one request message, or returns the status to fail the call with.</summary>
    public static async Task<(T? Message, GrpcStatusCode Status, string? Error)> ReadAsync<T>(HttpContext context, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var request = context.Request;
        if (request.ContentType is not { } type || !(type == ContentType || type.StartsWith(ContentType + "+", StringComparison.Ordinal) || type.StartsWith(ContentType + ";", StringComparison.Ordinal)))
        {
            return (null, GrpcStatusCode.Internal, $"content-type must be {ContentType}");
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxMessageSize + 5)
            {
                return (null, GrpcStatusCode.Internal, "request message too large");
            }

            body.Write(buffer, 0, read);
        }

        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (bytes.Length < 5)
        {
            return (null, GrpcStatusCode.Internal, "request has no length-prefixed message");
        }

        if (bytes.Span[0] != 0)
        {
            return (null, GrpcStatusCode.Unimplemented, "compressed messages are not supported");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[1..5]);
        if (length != bytes.Length - 5)
        {
            return (null, GrpcStatusCode.Internal, "request must hold exactly one message");
        }

        try
        {
            return (parser.ParseFrom(bytes.Span[5..]), GrpcStatusCode.Ok, null);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return (null, GrpcStatusCode.Internal, $"request message does not parse: {ex.Message}");
        }
    }

    /// <summary>Answers one message then <c>grpc-status: 0</c> in the trailers.</summary>
    public static async Task WriteAsync(HttpContext context, IMessage message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        await response.Body.WriteAsync(frame, context.RequestAborted);
        response.AppendTrailer("grpc-status", "0");
    }

    /// <summary>A trailers-only answer: HTTP 200 with the status in the headers and no body.</summary>
    public static Task FailAsync(HttpContext context, GrpcStatusCode status, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

    // grpc-message is percent-encoded UTF-8: everything outside printable ASCII, and '%' itself.
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
