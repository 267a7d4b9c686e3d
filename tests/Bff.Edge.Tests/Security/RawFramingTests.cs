using Bff.TestSupport.Upstreams;
using System.Net.Sockets;
using System.Text;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

/// <summary>
/// The raw framing inspector over whole connections: it must follow request boundaries exactly (keep-alive,
/// pipelining, heads in pieces), and catch a bad chunk that arrives after the request went upstream.
/// </summary>
public sealed class RawFramingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RawUpstream StartUpstream() => RawUpstream.Start(RawUpstream.ServeEach(r => $"HTTP/1.1 200 OK\r\nContent-Length: {r.Body.Length}\r\n\r\n{Encoding.Latin1.GetString(r.Body)}"));

    [Fact]
    public async Task Pipelined_requests_of_every_framing_are_each_forwarded_once()
    {
        await using var upstream = StartUpstream();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var (response, closed) = await RawHttp.ExchangeAsync(
            edge.HttpPort,
            "POST /1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\none\r\n0\r\nContent-Length: +5\r\n\r\n"
            + "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /3 HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n1;\r\n\r\n\r"
            + "POST /4 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nfour\r\n0\r\n\r\n"
            + "GET /5 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        // A trailer named Content-Length and a CL body that looks like a bad chunk line are body bytes, not heads.
        Assert.True(closed);
        Assert.Equal(5, CountOf(response, "HTTP/1.1 200 OK"));
        Assert.Equal(["/1", "/2", "/3", "/4", "/5"], upstream.Requests.Select(r => r.Target));
        Assert.Equal(["one", "", "1;\r\n\r\n\r", "four", ""], upstream.Requests.Select(r => Encoding.Latin1.GetString(r.Body)));
    }

    [Fact]
    public async Task A_bad_head_after_a_chunked_request_on_the_same_connection_is_refused()
    {
        await using var upstream = StartUpstream();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var (response, closed) = await RawHttp.ExchangeAsync(
            edge.HttpPort,
            "POST /1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\none\r\n0\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\ntwo"
            + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.True(closed);
        Assert.Equal(1, CountOf(response, "HTTP/1.1 200 OK"));
        Assert.Equal(1, CountOf(response, "HTTP/1.1 400 Bad Request"));
        Assert.Equal("/1", Assert.Single(upstream.Requests).Target);
    }

    [Fact]
    public async Task An_empty_line_before_a_head_does_not_hide_it()
    {
        await using var upstream = StartUpstream();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var response = await RawHttp.SendAsync(edge.HttpPort, "\r\nPOST /x HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc");

        Assert.Equal(400, RawHttp.StatusOf(response));
        await Task.Delay(200, Ct);
        Assert.Empty(upstream.Requests);
    }

    [Fact]
    public async Task A_head_sent_a_byte_at_a_time_is_read_whole()
    {
        await using var upstream = StartUpstream();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", edge.HttpPort, Ct);
        var stream = client.GetStream();

        foreach (var b in Encoding.ASCII.GetBytes("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nX-Long-Header-Name: some value\r\n\r\nabc"))
        {
            await stream.WriteAsync(new[] { b }, Ct);
            await Task.Delay(2, Ct);
        }

        var response = await RawHttp.ReadAllAsync(stream, TimeSpan.FromSeconds(1));
        Assert.Equal(200, RawHttp.StatusOf(response));
        Assert.Equal("abc", Encoding.Latin1.GetString(Assert.Single(upstream.Requests).Body));
    }

    [Fact]
    public async Task A_bad_chunk_after_the_request_went_upstream_never_completes_it_there()
    {
        await using var upstream = StartUpstream();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", edge.HttpPort, Ct);
        var stream = client.GetStream();

        await stream.WriteAsync("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\none\r\n"u8.ToArray(), Ct);
        await Task.Delay(300, Ct);
        await stream.WriteAsync("3;bad@ext\r\ntwo\r\n0\r\n\r\n"u8.ToArray(), Ct);
        var response = await RawHttp.ReadAllAsync(stream, TimeSpan.FromSeconds(2));

        // The upstream saw the first chunk, then a connection that closed before the body's end: no request.
        Assert.True(response.Length == 0 || RawHttp.StatusOf(response) == 400, response);
        await Task.Delay(200, Ct);
        Assert.Empty(upstream.Requests);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
