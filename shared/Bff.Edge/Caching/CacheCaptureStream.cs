namespace Bff.Edge.Caching;

/// <summary>
/// Sits in front of the response body during a miss: every write goes on to the client at once and is also
/// copied into a buffer, until the body passes the route's limit, when the copy is dropped and only the
/// streaming goes on. <paramref name="beforeFirstWrite"/> runs once, while the headers can still change.
/// </summary>
internal sealed class CacheCaptureStream(Stream inner, long maxBodySize, Action beforeFirstWrite) : Stream
{
    private byte[]? _buffer;
    private int _length;
    private bool _started;

    /// <summary>False once the copy was dropped (too big, or not wanted).</summary>
    public bool Capturing { get; private set; } = true;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Sizes the buffer for a body of known length (from <c>Content-Length</c>), so it is filled without copies.</summary>
    public void Reserve(long length)
    {
        if (Capturing && _buffer is null && length > 0 && length <= maxBodySize)
        {
            _buffer = new byte[length];
        }
    }

    public void StopCapturing()
    {
        Capturing = false;
        _buffer = null;
    }

    /// <summary>The captured body (the buffer itself when it is exactly full).</summary>
    public byte[] ToArray() => _buffer is null ? [] : _length == _buffer.Length ? _buffer : _buffer.AsSpan(0, _length).ToArray();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Capture(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Capture(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Capture(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Capture(ReadOnlySpan<byte> data)
    {
        if (!_started)
        {
            _started = true;
            beforeFirstWrite();
        }

        if (!Capturing || data.IsEmpty)
        {
            return;
        }

        var needed = (long)_length + data.Length;
        if (needed > maxBodySize)
        {
            StopCapturing();
            return;
        }

        if (_buffer is null || needed > _buffer.Length)
        {
            var grown = new byte[(int)Math.Min(maxBodySize, Math.Max(needed, Math.Max(4096, (_buffer?.Length ?? 0) * 2L)))];
            _buffer?.AsSpan(0, _length).CopyTo(grown);
            _buffer = grown;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }
}
