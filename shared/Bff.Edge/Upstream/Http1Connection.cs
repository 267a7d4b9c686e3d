using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Bff.Edge.Upstream;

/// <summary>
/// One TCP connection to an HTTP/1.1 upstream: the socket, a receive buffer that parsing and body copying share,
/// and the request head writer. Used by one exchange at a time; between exchanges it waits in the pool.
/// </summary>
internal sealed class Http1Connection : IDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly Socket _socket;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;

    private Http1Connection(Socket socket)
    {
        _socket = socket;
        CreatedMs = Environment.TickCount64;
    }

    public Http1RequestHead RequestHead { get; } = new();

    /// <summary>True once the connection served an exchange: a request on it may meet a close the upstream sent while it was idle.</summary>
    public bool Reused { get; set; }

    public long CreatedMs { get; }

    public long IdleSinceMs { get; set; }

    /// <summary>Received bytes not consumed yet.</summary>
    public Span<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public Memory<byte> BufferedMemory => _buffer.AsMemory(_start, _end - _start);

    public static async ValueTask<Http1Connection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp); // dual mode: a host name may resolve to either family
        try
        {
            socket.NoDelay = true; // the head and a small body go out at once, not after a delayed ACK
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new Http1Connection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Consume(int count) => _start += count;

    /// <summary>
    /// Receives more bytes after the buffered ones; 0 means the upstream closed. The buffer grows only while
    /// unconsumed bytes fill it (a head or chunk line being parsed); the caller bounds that. The caller passes
    /// the count to <see cref="Received"/>: returning the socket's own task spares an async state machine.
    /// </summary>
    public ValueTask<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        return _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
    }

    public void Received(int count) => _end += count;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>
    /// Whether an idle connection can take a request: nothing may be readable on it. Readable means the upstream
    /// closed it (or sent bytes nobody asked for), and a request written to it would be lost.
    /// </summary>
    public bool IsUsable()
    {
        try
        {
            return _start == _end && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        RequestHead.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void MakeRoom()
    {
        if (_start == _end)
        {
            _start = _end = 0;
            return;
        }

        if (_buffer.Length - _end >= _buffer.Length / 4)
        {
            return;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
