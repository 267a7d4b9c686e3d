using System.Buffers;
using System.Buffers.Text;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Streams the client's request body to the upstream while the response is being read, so an upstream may answer
/// (or stream its answer) before the upload ends. With <c>Expect: 100-continue</c> it waits for the upstream's 100,
/// or a second without an answer, before reading the body, and only that first read makes Kestrel send the client
/// its own 100 Continue.
/// </summary>
internal sealed class Http1RequestBodySender
{
    private const int BufferSize = 16 * 1024;
    private const int ChunkPrefix = 18; // up to 16 hex digits and CRLF
    private static readonly TimeSpan ExpectContinueTimeout = TimeSpan.FromSeconds(1);
    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource? _continue;
    private readonly Task _task;
    private bool _sent;

    private Http1RequestBodySender(HttpRequest request, Http1Connection connection, bool chunked, bool expectContinue, ForwardingCounters counters, ActivityTimeout activity)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(activity.Token);
        _continue = expectContinue ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        _task = RunAsync(request, connection, chunked, counters, activity);
    }

    /// <summary>Set when reading the client's body failed (as opposed to writing to the upstream).</summary>
    public Exception? ClientReadException { get; private set; }

    public static Http1RequestBodySender Start(HttpRequest request, Http1Connection connection, bool chunked, bool expectContinue, ForwardingCounters counters, ActivityTimeout activity) =>
        new(request, connection, chunked, expectContinue, counters, activity);

    /// <summary>True once sending ended, whether it sent everything or not.</summary>
    public bool IsFinished => _task.IsCompleted;

    /// <summary>The upstream said 100 Continue.</summary>
    public void Continue() => _continue?.TrySetResult();

    /// <summary>Stops sending if it still runs and waits for it; true when the whole body went out.</summary>
    public async ValueTask<bool> StopAsync()
    {
        if (!_task.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException or BadHttpRequestException)
        {
            // The outcome is in _sent and ClientReadException.
        }

        _stop.Dispose();
        return _sent;
    }

    /// <summary>
    /// The last chunk and the client's request trailers (checksums, gRPC-web metadata), written with the head's
    /// buffer, which is free once the head went out. Hop-by-hop and framing fields are never trailers.
    /// </summary>
    private static ReadOnlyMemory<byte> LastChunkWithTrailers(HttpRequest request, Http1RequestHead writer)
    {
        if (!request.SupportsTrailers() || !request.CheckTrailersAvailable())
        {
            return LastChunk;
        }

        var trailers = request.HttpContext.Features.Get<IHttpRequestTrailersFeature>()!.Trailers;
        if (trailers.Count == 0)
        {
            return LastChunk;
        }

        writer.StartTrailers();
        foreach (var trailer in trailers)
        {
            if (!HopByHopHeaders.IsHopByHop(trailer.Key) && !trailer.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                && !trailer.Key.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase))
            {
                writer.Add(trailer.Key, trailer.Value);
            }
        }

        writer.End();
        return writer.Invalid ? LastChunk : writer.Written;
    }

    private async Task RunAsync(HttpRequest request, Http1Connection connection, bool chunked, ForwardingCounters counters, ActivityTimeout activity)
    {
        var token = _stop.Token;
        if (_continue is not null)
        {
            await Task.WhenAny(_continue.Task, Task.Delay(ExpectContinueTimeout, token)).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // Chunked: the size line goes in front of the data and the CRLF after it, so each chunk is one send.
            var dataStart = chunked ? ChunkPrefix : 0;
            var dataSpace = buffer.Length - dataStart - (chunked ? 2 : 0);
            while (true)
            {
                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(dataStart, dataSpace), token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    ClientReadException = ex;
                    throw;
                }

                if (read == 0)
                {
                    if (chunked)
                    {
                        await connection.SendAsync(LastChunkWithTrailers(request, connection.RequestHead), token).ConfigureAwait(false);
                    }

                    _sent = true;
                    return;
                }

                counters.BytesIn += read;
                activity.Reset();
                var start = dataStart;
                var end = dataStart + read;
                if (chunked)
                {
                    Utf8Formatter.TryFormat(read, buffer, out var digits, new StandardFormat('X'));
                    start = dataStart - digits - 2;
                    buffer.AsSpan(0, digits).CopyTo(buffer.AsSpan(start)); // right-aligned in front of the data
                    "\r\n"u8.CopyTo(buffer.AsSpan(start + digits));
                    "\r\n"u8.CopyTo(buffer.AsSpan(end));
                    end += 2;
                }

                await connection.SendAsync(buffer.AsMemory(start, end - start), token).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
