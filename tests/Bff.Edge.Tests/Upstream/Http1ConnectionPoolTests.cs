using System.Net;
using System.Net.Sockets;
using Bff.Edge.Upstream;

namespace Bff.Edge.Tests.Upstream;

/// <summary>The idle queues per core: any idle connection is found from any thread, the caller's own first.</summary>
public sealed class Http1ConnectionPoolTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Http1Endpoint _endpoint;

    public Http1ConnectionPoolTests()
    {
        _listener.Start();
        _endpoint = Http1Endpoint.TryCreate($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}")!;
    }

    [Fact]
    public async Task A_connection_returned_on_one_thread_is_rented_on_another()
    {
        var connection = await _endpoint.Pool.ConnectAsync(TestContext.Current.CancellationToken);

        OnNewThread(() => _endpoint.Pool.Return(connection));

        Assert.Same(connection, _endpoint.Pool.RentIdle(withBody: false));
        Assert.Null(_endpoint.Pool.RentIdle(withBody: false));
        connection.Dispose();
    }

    [Fact]
    public async Task A_thread_rents_the_connection_it_returned_before_one_another_thread_returned_earlier()
    {
        if (Environment.ProcessorCount == 1)
        {
            Assert.Equal(0, Http1ConnectionPool.Slot()); // one core, one queue: nothing to keep apart
            return;
        }

        var first = await _endpoint.Pool.ConnectAsync(TestContext.Current.CancellationToken);
        var second = await _endpoint.Pool.ConnectAsync(TestContext.Current.CancellationToken);
        var firstSlot = -1;
        Http1Connection? rented = null;

        OnNewThread(() =>
        {
            firstSlot = Http1ConnectionPool.Slot();
            _endpoint.Pool.Return(first);
        });

        // Threads are numbered on first use, by every test running alongside too: take one of another queue.
        var tries = 0;
        while (rented is null && tries++ < 100)
        {
            OnNewThread(() =>
            {
                if (Http1ConnectionPool.Slot() != firstSlot)
                {
                    _endpoint.Pool.Return(second);
                    rented = _endpoint.Pool.RentIdle(withBody: false);
                }
            });
        }

        Assert.Same(second, rented);
        first.Dispose();
        second.Dispose();
    }

    public void Dispose()
    {
        _endpoint.Dispose();
        _listener.Dispose();
    }

    private static void OnNewThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }
}
