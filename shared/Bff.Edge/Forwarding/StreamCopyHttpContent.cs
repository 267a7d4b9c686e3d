using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Forwarding;

/// <summary>
/// The upstream request body: reads the client's body in pooled chunks and writes each chunk on as it arrives
/// (flushed), so nothing is buffered whole and a large upload reaches the upstream while it is still being sent.
/// </summary>
internal sealed class StreamCopyHttpContent : HttpContent
{
    private const int BufferSize = 16 * 1024;

    private readonly HttpRequest _request;
    private readonly ForwardingCounters _counters;
    private readonly ActivityTimeout _activity;

    public StreamCopyHttpContent(HttpRequest request, ForwardingCounters counters, ActivityTimeout activity)
    {
        _request = request;
        _counters = counters;
        _activity = activity;
        if (request.ContentLength is { } length)
        {
            Headers.ContentLength = length;
        }
    }

    /// <summary>Set when reading the client's body failed (as opposed to writing to the upstream).</summary>
    public Exception? ClientReadException { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var source = _request.Body;
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    ClientReadException = ex;
                    throw;
                }

                if (read == 0)
                {
                    return;
                }

                _counters.BytesIn += read;
                _activity.Reset();
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
