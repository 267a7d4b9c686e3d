using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

/// <summary>Malformed framing, sent as raw bytes: each is refused with 400 and nothing reaches the upstream.</summary>
public sealed class RequestSmugglingTests
{
    public static TheoryData<string, string> SmugglingShapes => new()
    {
        {
            "Content-Length and Transfer-Encoding",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
        },
        {
            "duplicate Content-Length",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nabcd"
        },
        {
            "differing Content-Length list",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4, 40\r\n\r\nabcd"
        },
        {
            "obs-fold header",
            "GET /x HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n"
        },
        {
            "bad chunk size",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabcd\r\n0\r\n\r\n"
        },
        {
            "chunk size overflow",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabcd\r\n0\r\n\r\n"
        },
        {
            "transfer coding other than chunked last",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n4\r\nabcd\r\n0\r\n\r\n"
        },
        {
            "space before the header colon",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\nContent-Length: 4\r\n\r\nabcd"
        },
        {
            "bare LF line endings in a chunked body",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\nabcd\n0\n\n"
        },
        {
            "missing Host",
            "GET /x HTTP/1.1\r\n\r\n"
        },
    };

    [Theory]
    [MemberData(nameof(SmugglingShapes))]
    public async Task Malformed_framing_is_refused_and_never_reaches_the_upstream(string shape, string request)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var response = await RawHttp.SendAsync(edge.HttpPort, request);

        Assert.True(RawHttp.StatusOf(response) == 400, $"{shape}: {response}");
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task Oversized_headers_get_431()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Server"] = new JsonObject { ["Limits"] = new JsonObject { ["MaxRequestHeadersTotalSize"] = 4096 } };
        await using var edge = await EdgeHost.StartAsync(config);

        var response = await RawHttp.SendAsync(edge.HttpPort, $"GET /x HTTP/1.1\r\nHost: a\r\nX-Big: {new string('a', 8000)}\r\n\r\n");

        Assert.Equal(431, RawHttp.StatusOf(response));
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task A_body_over_the_routes_limit_gets_413_before_reaching_the_upstream()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Routes"]!["r1"]!["MaxRequestBodySize"] = 100;
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var response = await client.PostAsync("/x", new ByteArrayContent(new byte[1000]), TestContext.Current.CancellationToken);

        await Forwarding.ForwardingTests.AssertProblemAsync(response, System.Net.HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Routes"]!["r1"]!["MaxRequestBodySize"] = 100;
        await using var edge = await EdgeHost.StartAsync(config);

        var response = await RawHttp.SendAsync(edge.HttpPort, $"POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n{new string('a', 1000)}\r\n0\r\n\r\n");

        Assert.Equal(413, RawHttp.StatusOf(response));
    }
}
