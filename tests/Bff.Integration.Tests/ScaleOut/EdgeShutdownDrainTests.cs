using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bff.Integration.Tests.Support;
using Bff.TestSupport.Net;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary><c>Server.ShutdownDelay</c> on the real edge executable: what SIGTERM does before the server stops.</summary>
public sealed class EdgeShutdownDrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1.5);
    private RecordingUpstream _upstream = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _upstream = await RecordingUpstream.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_sigterm_the_edge_reports_not_ready_and_closes_connections_while_it_keeps_serving_for_the_delay()
    {
        await using var edge = await EdgeInstance.StartAsync("drain", Config("00:00:01.500"), Ct);
        using var client = new HttpClient { BaseAddress = edge.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using (var before = await client.GetAsync(new Uri("open/before", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.NotEqual(true, before.Headers.ConnectionClose);
        }

        var clock = Stopwatch.StartNew();
        await edge.TerminateAsync(Ct);
        HttpStatusCode readiness;
        do
        {
            using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), Ct);
            readiness = ready.StatusCode;
        }
        while (readiness == HttpStatusCode.OK && clock.Elapsed < Delay);

        using var during = await client.GetAsync(new Uri("open/during", UriKind.Relative), Ct);
        var servedAt = clock.Elapsed;
        var exitCode = await edge.WaitForExitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.True(during.Headers.ConnectionClose, "a response during the drain closes its connection");
        Assert.True(servedAt < Delay, $"served after {servedAt}, so not within the delay");
        Assert.True(clock.Elapsed >= Delay, $"exited after {clock.Elapsed}, before the delay ended");
        Assert.Equal(0, exitCode);
        Assert.Single(_upstream.To("/open/during"));
    }

    [Fact]
    public async Task After_sigterm_an_http2_connection_gets_goaway_and_the_next_request_opens_a_new_one()
    {
        var httpsPort = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("edge-drain-tls-").FullName;
        try
        {
            var config = Config("00:00:01.500");
            config["Server"]!["Tls"] = new JsonObject { ["CertificatePath"] = Path.Combine(folder, "cert.pfx"), ["GenerateDevCertificate"] = true };
            await using var edge = await EdgeInstance.StartAsync("drain-h2", config, Ct, $"https://127.0.0.1:{httpsPort}");
            var connections = 0;
            using var handler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true }, // the test's own self-signed certificate
                ConnectCallback = async (context, cancellationToken) =>
                {
                    Interlocked.Increment(ref connections);
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler)
            {
                BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}/"),
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Timeout = TimeSpan.FromSeconds(10),
            };
            await WaitUntilListeningAsync(httpsPort, edge);
            using (var before = await client.GetAsync(new Uri("open/h2-before", UriKind.Relative), Ct))
            {
                Assert.Equal(HttpVersion.Version20, before.Version);
            }

            await edge.TerminateAsync(Ct);
            await WaitUntilNotReadyAsync(client);
            // Every answer while draining carries GOAWAY for its connection, so the client opens new ones.
            var afterDrainBegan = connections;
            using var first = await client.GetAsync(new Uri("open/h2-during-1", UriKind.Relative), Ct);
            var afterFirst = connections;
            using var second = await client.GetAsync(new Uri("open/h2-during-2", UriKind.Relative), Ct);
            var afterSecond = connections;
            await edge.WaitForExitAsync(TimeSpan.FromSeconds(15), Ct);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpVersion.Version20, second.Version);
            // A request sent while the GOAWAY of the previous answer is still on its way may ride the old connection
            // once; after that the client must have moved.
            Assert.InRange(afterFirst, afterDrainBegan, afterDrainBegan + 1);
            Assert.InRange(afterSecond, afterDrainBegan + 1, afterDrainBegan + 2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_negative_shutdown_delay_is_refused_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EdgeInstance.StartAsync("bad-delay", Config("-00:00:01"), Ct));

        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server.ShutdownDelay", error.Message, StringComparison.Ordinal);
    }

    // Kestrel accepts on each address as soon as it is bound, so /readyz on the first address can answer before the
    // https one is bound; on a loaded machine the first https request was once refused in that window.
    private static async Task WaitUntilListeningAsync(int port, EdgeInstance edge)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, Ct);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, Ct);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"The edge did not accept on {port} within 10 s ({ex.SocketErrorCode}).\n{edge.Output}", ex);
            }
        }
    }

    // The readiness probe rides on the connection too, so it is the request that first sees the drain.
    private static async Task WaitUntilNotReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Delay)
        {
            using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), Ct);
            if (ready.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return;
            }
        }

        throw new TimeoutException("/readyz still answered 200 after the drain delay.");
    }

    private JsonObject Config(string delay) => new()
    {
        ["Server"] = new JsonObject { ["ShutdownDelay"] = delay, ["ShutdownTimeout"] = "00:00:05" },
        ["Routes"] = new JsonObject
        {
            ["open"] = new JsonObject { ["ClusterId"] = "up", ["Match"] = new JsonObject { ["Path"] = "/open/{**rest}" } },
        },
        ["Clusters"] = new JsonObject
        {
            ["up"] = new JsonObject { ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = _upstream.Url } } },
        },
    };
}
