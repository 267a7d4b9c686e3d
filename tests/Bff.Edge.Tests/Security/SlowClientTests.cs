using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

public sealed class SlowClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestUpstream Upstream, EdgeHost Edge)> StartAsync()
    {
        var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Server"] = new JsonObject
        {
            ["Limits"] = new JsonObject
            {
                ["RequestHeadersTimeout"] = "00:00:02",
                ["MinRequestBodyDataRate"] = 1000,
                ["MinDataRateGracePeriod"] = "00:00:01.500",
            },
        };
        return (upstream, await EdgeHost.StartAsync(config));
    }

    [Fact]
    public async Task A_client_trickling_headers_is_cut_off_while_others_are_served()
    {
        var (upstream, edge) = await StartAsync();
        await using var _ = upstream;
        await using var __ = edge;
        using var client = edge.CreateClient();
        Assert.Equal("upstream:a", await client.GetStringAsync("/warm-up", Ct));
        using var slow = new TcpClient();
        await slow.ConnectAsync("127.0.0.1", edge.HttpPort, Ct);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: a\r\n"), Ct);
        var watch = Stopwatch.StartNew();

        Assert.Equal("upstream:a", await client.GetStringAsync("/other", Ct));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), "a normal request waited on the slow one");

        var closed = false;
        for (var i = 0; i < 12 && !closed; i++)
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("X-Slow: 1\r\n"), Ct);
                await Task.Delay(500, Ct);
                closed = slow.Client.Poll(0, SelectMode.SelectRead); // a 408 or the end of the stream
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        Assert.True(closed, "the slow connection was not closed");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6));
        Assert.Equal(2, upstream.Count);
    }

    [Fact]
    public async Task A_client_trickling_its_body_is_cut_off()
    {
        var (upstream, edge) = await StartAsync();
        await using var _ = upstream;
        await using var __ = edge;
        using var slow = new TcpClient();
        await slow.ConnectAsync("127.0.0.1", edge.HttpPort, Ct);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n"), Ct);
        var watch = Stopwatch.StartNew();

        var closed = false;
        while (!closed && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                await stream.WriteAsync("a"u8.ToArray(), Ct);
                await Task.Delay(250, Ct);
                closed = slow.Client.Poll(0, SelectMode.SelectRead);
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        Assert.True(closed, "the slow body was not cut off");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8));
    }
}
