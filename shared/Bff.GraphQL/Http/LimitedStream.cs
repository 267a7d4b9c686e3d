namespace Bff.GraphQL.Http;

/// <summary>A read-only view of the request body that fails once more than a byte budget is read (bodies without Content-Length).</summary>
internal sealed class LimitedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int n)
    {
        _read += n;
        if (_read > maxBytes)
        {
            throw new TooLargeException();
        }

        return n;
    }

    internal sealed class TooLargeException : Exception
    {
        public TooLargeException()
            : base("Request body too large.")
        {
        }

        public TooLargeException(string message)
            : base(message)
        {
        }

        public TooLargeException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
