using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Bff.TestSupport.Upstreams;

/// <summary>
/// A scripted upstream over plain TCP on 127.0.0.1 (free port), for answers Kestrel never writes: odd framing,
/// interim responses, malformed status lines, connections closed at chosen moments. Every accepted connection runs
/// <c>script</c>; when the script returns, the connection is closed. Counts accepted connections and records every
/// request it read.
/// </summary>
public sealed class RawUpstream : IAsyncDisposable
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
