using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.RequestGuard;

/// <summary>
/// Sits between an HTTP/1.1 connection's socket and Kestrel's parser and reads the bytes Kestrel consumes: request
/// head lines (for <see cref="RequestHeadLine"/>) and, once <see cref="StrictRequestMiddleware"/> says a request is
/// chunked, its chunk-size lines and trailers (<see cref="ChunkedBodyValidator"/>), before Kestrel parses them.
/// It knows where a head starts because the middleware tells it, for every request, where the request's body ends
/// (Kestrel consumes a head whole before the application runs). Everything else passes through untouched: a
/// request without a chunked body costs one look at each head line.
/// </summary>
internal sealed class RawFramingInspector : PipeReader
{
    private readonly PipeReader _inner;
    private ReadOnlySequence<byte> _lastBuffer;
    private long _consumed;        // stream offset of the first byte Kestrel has not consumed
    private long _headStart;       // stream offset where the next head starts; long.MaxValue: not known yet
    private string? _headError;
    private bool _inHead;          // a line of the current head has been seen (empty lines before one are skipped)
    private ChunkedBodyValidator? _chunked;
    private long _checked;         // stream offset up to which the chunked body has been checked
    private BadHttpRequestException? _bodyError;

    public RawFramingInspector(PipeReader inner)
    {
        _inner = inner;
    }

    /// <summary>The first problem in the head just parsed, if any; clears it.</summary>
    public string? TakeHeadError()
    {
        var error = _headError;
        _headError = null;
        return error;
    }

    /// <summary>The head just parsed has a body of <paramref name="contentLength"/> bytes (0: none); the next head follows it.</summary>
    public void BodyOfLength(long contentLength) => _headStart = _consumed + contentLength;

    /// <summary>
    /// The head just parsed has a chunked body: check it from here on; the next head follows its end. Returns the
    /// first problem in the body bytes already received (usually all of a small body), or null. They are looked at
    /// without Kestrel's body reader, which would fix the body size limit before routing sets the route's own.
    /// </summary>
    public string? ChunkedBody()
    {
        _chunked = new ChunkedBodyValidator();
        _checked = _consumed;
        if (!_inner.TryRead(out var result))
        {
            return null;
        }

        try
        {
            OnRead(result);
            return null;
        }
        catch (BadHttpRequestException ex)
        {
            return ex.Message;
        }
        finally
        {
            // Consume and examine nothing: Kestrel's next read gets the same bytes at once.
            _inner.AdvanceTo(result.Buffer.Start);
        }
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = _inner.ReadAsync(cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<ReadResult>(OnRead(read.Result)) : ReadSlowAsync(read);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!_inner.TryRead(out result))
        {
            return false;
        }

        result = OnRead(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        var taken = _lastBuffer.Slice(_lastBuffer.Start, consumed);
        var length = taken.Length;
        if (_headStart < _consumed + length)
        {
            CheckHead(taken.Slice(Math.Max(0, _headStart - _consumed)), _consumed + length);
        }

        _consumed += length;
        _inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    private async ValueTask<ReadResult> ReadSlowAsync(ValueTask<ReadResult> read) => OnRead(await read.ConfigureAwait(false));

    private ReadResult OnRead(ReadResult result)
    {
        _lastBuffer = result.Buffer;
        if (_chunked is not null)
        {
            CheckChunked(result.Buffer);
        }

        return result;
    }

    private void CheckHead(ReadOnlySequence<byte> head, long end)
    {
        var reader = new SequenceReader<byte>(head);
        while (reader.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n'))
        {
            if (RequestHeadLine.IsEndOfHead(line) && _inHead)
            {
                // Until the middleware says where this request's body ends, nothing consumed is a head.
                _inHead = false;
                _headStart = long.MaxValue;
                return;
            }

            _inHead = true;
            _headError ??= RequestHeadLine.Check(line);
        }

        _headStart = end; // the head goes on after what was consumed
        if (!reader.End)
        {
            _headError ??= "Request head lines must end with CRLF.";
        }
    }

    private void CheckChunked(ReadOnlySequence<byte> buffer)
    {
        if (_bodyError is not null)
        {
            // Kestrel reads again after a failed read (to drain the body): the body stays refused.
            throw _bodyError;
        }

        foreach (var segment in buffer.Slice(_checked - _consumed))
        {
            var used = _chunked!.Feed(segment.Span, out var error);
            if (used < 0)
            {
                _bodyError = new BadHttpRequestException(error!, StatusCodes.Status400BadRequest);
                throw _bodyError;
            }

            _checked += used;
            if (_chunked.IsComplete)
            {
                _chunked = null;
                _headStart = _checked;
                return;
            }
        }
    }
}
