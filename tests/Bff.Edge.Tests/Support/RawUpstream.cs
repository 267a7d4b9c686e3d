using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bff.Edge.Tests.Support;

/// <summary>
/// A scripted upstream over plain TCP on 127.0.0.1 (free port), for answers Kestrel never writes: odd framing,
/// interim responses, malformed status lines, connections closed at chosen moments. Every accepted connection runs
/// <c>script</c>; when the script returns, the connection is closed. Counts accepted connections and records every
/// request it read.
/// </summary>
internal sealed class RawUpstream : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawUpstreamConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, RawUpstreamConnection> _open = new();
    private readonly ConcurrentBag<Task> _connectionTasks = [];
    private readonly Task _acceptLoop;
    private int _accepted;

    private RawUpstream(Func<RawUpstreamConnection, Task> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>How many connections the upstream has accepted so far.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>Every request the scripts read, in order.</summary>
    public ConcurrentQueue<RawUpstreamRequest> Requests { get; } = new();

    /// <summary>Starts listening; <paramref name="script"/> runs once per accepted connection.</summary>
    public static RawUpstream Start(Func<RawUpstreamConnection, Task> script) => new(script);

    /// <summary>A script that answers every request on a connection with <paramref name="answer"/> until the peer closes.</summary>
    public static Func<RawUpstreamConnection, Task> ServeEach(Func<RawUpstreamRequest, string> answer) => async connection =>
    {
        while (await connection.ReadRequestAsync() is { } request)
        {
            await connection.WriteAsync(answer(request));
        }
    };

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _accepted);
            var connection = new RawUpstreamConnection(this, socket, number, _stop.Token);
            _open[number] = connection;
            _connectionTasks.Add(RunAsync(connection));
        }
    }

    private async Task RunAsync(RawUpstreamConnection connection)
    {
        try
        {
            await _script(connection);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer (the edge) went away or the upstream is stopping: expected in failure-path tests.
        }
        finally
        {
            connection.Close();
            _open.TryRemove(connection.Number, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _open.Values)
        {
            connection.Close();
        }

        try
        {
            // A script bug (anything but I/O trouble) surfaces here and fails the test.
            await Task.WhenAll([_acceptLoop, .. _connectionTasks]).WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _stop.Dispose();
        }
    }

    internal void Record(RawUpstreamRequest request) => Requests.Enqueue(request);
}

/// <summary>One request as the raw upstream read it: the head as text and the decoded body.</summary>
internal sealed record RawUpstreamRequest(int Connection, string Method, string Target, string Head, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>One accepted connection of a <see cref="RawUpstream"/>: buffered reads with a timeout, raw writes.</summary>
internal sealed class RawUpstreamConnection
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

    public RawUpstreamConnection(RawUpstream owner, Socket socket, int number, CancellationToken stopping)
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
