using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Forwarding;

/// <summary>WebSocket upgrade, trailers over HTTP/2, and Expect: 100-continue.</summary>
public sealed class ProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_WebSocket_upgrade_passes_through_both_ways()
    {
        await using var upstream = await TestUpstream.StartAsync("ws", async (context, _) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                    return;
                }

                var echo = Encoding.UTF8.GetBytes("echo:" + Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.SendAsync(echo, WebSocketMessageType.Text, true, context.RequestAborted);
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = new ClientWebSocket();

        await client.ConnectAsync(new Uri(edge.HttpUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/socket"), Ct);
        var buffer = new byte[1024];
        var replies = new List<string>();
        foreach (var message in new[] { "one", "two" })
        {
            await client.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Ct);
            var received = await client.ReceiveAsync(buffer, Ct);
            replies.Add(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Ct);

        Assert.Equal(["echo:one", "echo:two"], replies);
        Assert.Equal(WebSocketState.Closed, client.State);
    }

    [Fact]
    public async Task Response_trailers_pass_through_over_HTTP2()
    {
        await using var upstream = await TestUpstream.StartAsync("grpc", async (context, _) =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.WriteAsync("payload", context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
            context.Response.AppendTrailer("grpc-message", "ok");
        }, http2Only: true);
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Clusters"]!["c1"]!["HttpVersion"] = "2";
        await using var edge = await EdgeHost.StartAsync(config, https: true);
        using var client = Tls.TlsTests.InsecureHttp2Client(edge.HttpsUrl!);

        using var response = await client.GetAsync("/svc/Method", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("payload", body);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("ok", response.TrailingHeaders.GetValues("grpc-message").Single());
        Assert.Equal("HTTP/2", Assert.Single(upstream.Requests).Protocol);
    }

    [Fact]
    public async Task Expect_100_continue_gets_a_100_before_the_body_is_sent()
    {
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await context.Response.WriteAsync("got:" + await reader.ReadToEndAsync(context.RequestAborted), context.RequestAborted);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", edge.HttpPort, Ct);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"), Ct);
        var interim = await RawHttp.ReadAllAsync(stream, TimeSpan.FromSeconds(3));
        await stream.WriteAsync("hello"u8.ToArray(), Ct);
        var final = await RawHttp.ReadAllAsync(stream, TimeSpan.FromSeconds(2));

        Assert.StartsWith("HTTP/1.1 100 Continue", interim, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", final, StringComparison.Ordinal);
        Assert.Contains("got:hello", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_trailers_of_a_chunked_body_reach_an_HTTP11_upstream()
    {
        string? checksum = null;
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            checksum = context.Request.CheckTrailersAvailable() ? context.Request.GetTrailer("X-Checksum").ToString() : null;
            await context.Response.WriteAsync("got:" + body, context.RequestAborted);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var response = await RawHttp.SendAsync(
            edge.HttpPort,
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: abc123\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Contains("got:hello", response, StringComparison.Ordinal);
        Assert.Equal("abc123", checksum);
    }
}
