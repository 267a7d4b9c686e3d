using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Bff.TestSupport.Upstreams;

/// <summary>One accepted connection of a <see cref="RawUpstream"/>: buffered reads with a timeout, raw writes.</summary>
public sealed class RawUpstreamConnection
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly RawUpstream _owner;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly CancellationToken _stopping;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _closed;

    internal RawUpstreamConnection(RawUpstream owner, Socket socket, int number, CancellationToken stopping)
    {
        _owner = owner;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _stopping = stopping;
        Number = number;
    }

    /// <summary>1 for the first accepted connection, 2 for the next...</summary>
    public int Number { get; }

    /// <summary>
    /// Reads one request head and, when <paramref name="readBody"/>, its body (by Content-Length or chunked, trailers
    /// skipped). Null when the peer closed the connection before sending a byte of a new request.
    /// </summary>
    public async Task<RawUpstreamRequest?> ReadRequestAsync(bool readBody = true)
    {
        var headEnd = -1;
        while (headEnd < 0)
        {
            headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (headEnd >= 0)
            {
                break;
            }

            if (!await FillAsync())
            {
                if (_end == _start)
                {
                    return null;
                }

                throw new IOException("The connection closed inside a request head.");
            }
        }

        var head = Encoding.Latin1.GetString(_buffer, _start, headEnd + 4);
        _start += headEnd + 4;
        var lines = head[..^4].Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1].Trim(' ', '\t') : ""))
            .ToList();
        var request = new RawUpstreamRequest(Number, requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", head, headers, []);
        if (readBody)
        {
            request = request with { Body = await ReadBodyAsync(request) };
        }

        _owner.Record(request);
        return request;
    }

    public Task WriteAsync(string ascii) => WriteAsync(Encoding.Latin1.GetBytes(ascii));

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = Timeout();
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Keeps the connection open without reading from it, for <paramref name="time"/> or until the upstream stops.</summary>
    public async Task HoldAsync(TimeSpan time)
    {
        try
        {
            await Task.Delay(time, _stopping);
        }
        catch (OperationCanceledException)
        {
            // The upstream is stopping: the hold is over.
        }
    }

    /// <summary>Resets the connection (RST at once, as a crashed peer or a middlebox would); idempotent.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            // A zero linger time makes the close discard the connection with an RST instead of a FIN.
            _socket.LingerState = new LingerOption(true, 0);
            _stream.Dispose();
            _socket.Dispose();
        }
    }

    /// <summary>Closes the connection (FIN, or RST when unread bytes are pending); idempotent.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }

        _stream.Dispose();
        _socket.Dispose();
    }

    private async Task<byte[]> ReadBodyAsync(RawUpstreamRequest request)
    {
        if (request.Header("Transfer-Encoding") is { } coding && coding.EndsWith("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync();
                var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
                var size = int.Parse(semicolon < 0 ? sizeLine : sizeLine[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await ReadLineAsync()).Length > 0)
                    {
                        // Trailer fields: not needed by any test.
                    }

                    return body.ToArray();
                }

                body.Write(await ReadExactlyAsync(size));
                if ((await ReadLineAsync()).Length != 0)
                {
                    throw new InvalidDataException("A chunk is not followed by CRLF.");
                }
            }
        }

        return request.Header("Content-Length") is { } length
            ? await ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture))
            : [];
    }

    private async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, end);
                _start += end + 2;
                return line;
            }

            if (!await FillAsync())
            {
                throw new IOException("The connection closed inside a chunked body.");
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_end == _start && !await FillAsync())
            {
                throw new IOException($"The connection closed after {copied} of {count} body bytes.");
            }

            var take = Math.Min(count - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(copied));
            _start += take;
            copied += take;
        }

        return result;
    }

    /// <summary>Reads more bytes into the buffer; false at end of stream.</summary>
    private async Task<bool> FillAsync()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidDataException($"A request head over {_buffer.Length} bytes.");
        }

        using var timeout = Timeout();
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
        _end += read;
        return read > 0;
    }

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        timeout.CancelAfter(ReadTimeout);
        return timeout;
    }
}
