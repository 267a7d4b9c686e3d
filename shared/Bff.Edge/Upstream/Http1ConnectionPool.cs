using System.Collections.Concurrent;

namespace Bff.Edge.Upstream;

/// <summary>
/// Kept-alive connections to one endpoint. Idle ones wait in queues (no lock, no allocation per exchange); a
/// connection idle for a minute or older than ten minutes (so DNS changes are picked up) is closed, not reused.
/// </summary>
internal sealed class Http1ConnectionPool : IDisposable
{
    private const long IdleTimeoutMs = 60_000;
    private const long LifetimeMs = 10 * 60_000;
    private const long CheckAfterIdleMs = 1_000;

    // The runtime's name for its socket event threads: they are numbered apart from all other threads, so each
    // gets a queue of its own whichever thread-pool threads asked first.
    private const string EventThreadName = ".NET Sockets";

    [ThreadStatic]
    private static int t_slot;
    private static int s_eventThreads;
    private static int s_otherThreads;

    private readonly Http1Endpoint _endpoint;
    // One idle queue per core. A connection goes back to the queue of the thread that finished its exchange, which
    // with inline completions is the event thread its socket is registered with, and a request takes from its own
    // thread's queue first: the client's socket and the upstream's then wake the same event thread, as an nginx
    // worker keeps both (the runtime assigns sockets to event threads round-robin, with no way to choose).
    // Measured: up to a few µs less CPU per request, near the noise of the two-core benchmark (docs/benchmarks.md).
    private readonly ConcurrentQueue<Http1Connection>[] _idle = CreateQueues();
    private readonly Timer _sweep;
    private volatile bool _disposed;

    public Http1ConnectionPool(Http1Endpoint endpoint)
    {
        _endpoint = endpoint;
        _sweep = new Timer(static pool => ((Http1ConnectionPool)pool!).Sweep(), this, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// An idle connection that can take a request, if there is one. Whether the upstream closed it while idle is
    /// checked (a system call, as costly as a tenth of a whole exchange under load) only when it matters: for a
    /// request with a body, which cannot be resent once it started streaming, and after a second of idleness.
    /// A request without a body that still meets such a close is resent once by the forwarder.
    /// </summary>
    public Http1Connection? RentIdle(bool withBody)
    {
        var home = Slot();
        for (var i = 0; i < _idle.Length; i++)
        {
            var queue = _idle[(home + i) % _idle.Length];
            while (queue.TryDequeue(out var connection))
            {
                var idleMs = Environment.TickCount64 - connection.IdleSinceMs;
                if (idleMs < IdleTimeoutMs && ((!withBody && idleMs < CheckAfterIdleMs) || connection.IsUsable()))
                {
                    return connection;
                }

                connection.Dispose();
            }
        }

        return null;
    }

    public ValueTask<Http1Connection> ConnectAsync(CancellationToken cancellationToken) =>
        Http1Connection.ConnectAsync(_endpoint.EndPoint, cancellationToken);

    /// <summary>Takes back a connection whose exchange ended cleanly; the caller disposes any other.</summary>
    public void Return(Http1Connection connection)
    {
        var now = Environment.TickCount64;
        if (_disposed || now - connection.CreatedMs >= LifetimeMs)
        {
            connection.Dispose();
            return;
        }

        connection.Reused = true;
        connection.IdleSinceMs = now;
        _idle[Slot()].Enqueue(connection);
        if (_disposed)
        {
            DisposeIdle(); // raced with Dispose: nobody else will close it
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _sweep.Dispose();
        DisposeIdle();
    }

    private void Sweep()
    {
        // Closes what a minute of idleness made stale, so sockets the upstream already closed do not linger.
        var now = Environment.TickCount64;
        foreach (var queue in _idle)
        {
            for (var count = queue.Count; count > 0 && queue.TryDequeue(out var connection); count--)
            {
                if (now - connection.IdleSinceMs < IdleTimeoutMs && !_disposed)
                {
                    queue.Enqueue(connection);
                }
                else
                {
                    connection.Dispose();
                }
            }
        }
    }

    private void DisposeIdle()
    {
        foreach (var queue in _idle)
        {
            while (queue.TryDequeue(out var connection))
            {
                connection.Dispose();
            }
        }
    }

    private static ConcurrentQueue<Http1Connection>[] CreateQueues()
    {
        var queues = new ConcurrentQueue<Http1Connection>[Environment.ProcessorCount];
        for (var i = 0; i < queues.Length; i++)
        {
            queues[i] = new ConcurrentQueue<Http1Connection>();
        }

        return queues;
    }

    /// <summary>The calling thread's queue: threads are numbered on first use, event threads apart.</summary>
    internal static int Slot()
    {
        var slot = t_slot;
        if (slot == 0)
        {
            slot = t_slot = Thread.CurrentThread.Name == EventThreadName
                ? Interlocked.Increment(ref s_eventThreads)
                : Interlocked.Increment(ref s_otherThreads);
        }

        return (slot - 1) % Environment.ProcessorCount;
    }
}
