using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Bff.Edge.Forwarding;

namespace Bff.Edge.Grpc;

/// <summary>
/// One unary gRPC call over the edge's shared <see cref="HttpMessageInvoker"/> (grpc/doc/PROTOCOL-HTTP2.md):
/// <c>POST /package.Service/Method</c>, <c>content-type: application/grpc</c>, <c>te: trailers</c>, one
/// length-prefixed message; the answer's status comes from the trailers, or from the headers of a trailers-only answer.
/// </summary>
internal static class GrpcUnaryClient
{
    /// <summary>Reply messages above this are refused (gRPC's usual default receive limit).</summary>
    public const int MaxReplySize = 4 * 1024 * 1024;

    public static async Task<GrpcCallResult> CallAsync(
        HttpMessageInvoker invoker, Uri uri, Version version, HttpVersionPolicy versionPolicy, byte[] message, TimeSpan timeout, CancellationToken aborted)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = version,
            VersionPolicy = versionPolicy,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout(timeout));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await invoker.SendAsync(request, deadline.Token).ConfigureAwait(false);
            return await ReadAsync(response, deadline.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError || ex.InnerException is System.Net.Sockets.SocketException)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Unreachable, "The upstream service could not be reached.");
        }
        catch (HttpRequestException ex)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, $"The gRPC exchange with the upstream failed ({ex.HttpRequestError}).");
        }
        catch (IOException)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, "The upstream broke off the gRPC answer.");
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.TimedOut, "The upstream service did not answer in time.");
        }
    }

    private static async Task<GrpcCallResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, $"The upstream answered HTTP {(int)response.StatusCode} instead of a gRPC answer.");
        }

        if (response.Content.Headers.ContentType?.MediaType is not { } type || !type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, "The upstream's answer is not application/grpc.");
        }

        using var body = new PooledBufferWriter();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(body.GetMemory(8192), cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Advance(read);
                if (body.WrittenCount > MaxReplySize + 5)
                {
                    return GrpcCallResult.Fail(GrpcCallOutcome.Failed, $"The upstream's reply exceeds {MaxReplySize} bytes.");
                }
            }
        }

        // Trailers-only answers (errors, mostly) carry the status in the headers.
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, "The upstream's answer carries no grpc-status.");
        }

        if (code != 0)
        {
            var text = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
            return new GrpcCallResult(GrpcCallOutcome.Status, code, text is null ? null : Uri.UnescapeDataString(text), default);
        }

        var frame = body.WrittenMemory;
        if (frame.Length < 5 || frame.Span[0] != 0 || BinaryPrimitives.ReadUInt32BigEndian(frame.Span[1..5]) != frame.Length - 5)
        {
            return GrpcCallResult.Fail(GrpcCallOutcome.Failed, "The upstream's answer is not exactly one uncompressed gRPC message.");
        }

        // The pooled buffer goes back when this method returns, so the reply leaves as its own copy.
        return new GrpcCallResult(GrpcCallOutcome.Ok, 0, null, frame[5..].ToArray());
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // grpc-timeout is at most 8 digits and a unit.
    private static string GrpcTimeout(TimeSpan timeout)
    {
        var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
        return milliseconds <= 99_999_999
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds}m")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Min((long)Math.Ceiling(timeout.TotalSeconds), 99_999_999)}S");
    }
}
