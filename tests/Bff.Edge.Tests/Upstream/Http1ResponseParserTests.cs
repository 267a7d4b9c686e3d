using System.Text;
using Bff.Edge.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Tests.Upstream;

public sealed class Http1ResponseParserTests
{
    [Fact]
    public void FindHeadEnd_is_minus_one_until_the_empty_line_and_then_the_head_length()
    {
        var bytes = "HTTP/1.1 200 OK\r\nServer: x\r\n\r\nbody"u8.ToArray();

        Assert.Equal(-1, Http1ResponseParser.FindHeadEnd(bytes.AsSpan(0, 28)));
        Assert.Equal(-1, Http1ResponseParser.FindHeadEnd(bytes.AsSpan(0, 29)));
        Assert.Equal(30, Http1ResponseParser.FindHeadEnd(bytes.AsSpan(0, 30)));
        Assert.Equal(30, Http1ResponseParser.FindHeadEnd(bytes));
        Assert.Equal(-1, Http1ResponseParser.FindHeadEnd("HTTP/1.1 200 OK\n\n"u8));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK", 200)]
    [InlineData("HTTP/1.1 200", 200)]
    [InlineData("HTTP/1.1 200 ", 200)]
    [InlineData("HTTP/1.1 404 Not Found Here", 404)]
    [InlineData("HTTP/1.0 503 Service Unavailable", 503)]
    [InlineData("HTTP/1.1 599 Custom", 599)]
    public void Status_line_with_or_without_a_reason_phrase_gives_the_status(string statusLine, int status)
    {
        var head = Parse($"{statusLine}\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(status, head.StatusCode);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: Keep-Alive, CLOSE\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\n", true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 3\r\nConnection: Keep-Alive\r\n\r\n", true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive, close\r\n\r\n", false)]
    public void HTTP_1_1_is_kept_alive_unless_closed_and_HTTP_1_0_only_when_asked(string text, bool keepAlive)
    {
        Assert.Equal(keepAlive, Parse(text).KeepAlive);
    }

    [Fact]
    public void Content_Length_frames_the_body_with_its_number()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 1024\r\n\r\n");

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.ContentLength, 1024, KeepAlive: true), head);
    }

    [Fact]
    public void A_repeated_equal_Content_Length_is_one_length()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 42, 42\r\ncontent-length: 42\r\n\r\n");

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.ContentLength, 42, KeepAlive: true), head);
    }

    [Fact]
    public void Chunked_frames_the_body_without_a_length()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n");

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.Chunked, -1, KeepAlive: true), head);
    }

    [Fact]
    public void Content_Length_with_chunked_is_read_as_chunked_and_the_connection_not_reused()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n");

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.Chunked, -1, KeepAlive: false), head);
    }

    [Fact]
    public void Neither_length_nor_chunked_reads_until_close_and_the_connection_is_not_reused()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.UntilClose, -1, KeepAlive: false), head);
    }

    [Fact]
    public void An_answer_to_HEAD_has_no_body_whatever_its_headers_say()
    {
        var withLength = Parse("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", headRequest: true);
        var chunked = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", headRequest: true);
        var neither = Parse("HTTP/1.1 200 OK\r\n\r\n", headRequest: true);

        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.None, 500, KeepAlive: true), withLength);
        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.None, -1, KeepAlive: true), chunked);
        Assert.Equal(new Http1ResponseHead(200, Http1BodyFraming.None, -1, KeepAlive: true), neither);
    }

    [Theory]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n", 100)]
    [InlineData("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n", 103)]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\n", 204)]
    [InlineData("HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n", 304)]
    [InlineData("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n", 204)]
    public void Informational_204_and_304_answers_have_no_body_and_keep_the_connection(string text, int status)
    {
        var head = Parse(text);

        Assert.Equal(status, head.StatusCode);
        Assert.Equal(Http1BodyFraming.None, head.Framing);
        Assert.True(head.KeepAlive);
    }

    [Fact]
    public void A_304_keeps_its_declared_length_for_the_client_but_has_no_body()
    {
        var head = Parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 77\r\n\r\n");

        Assert.Equal(Http1BodyFraming.None, head.Framing);
        Assert.Equal(77, head.ContentLength);
    }

    [Fact]
    public void Fields_are_added_to_the_target_minus_hop_by_hop_and_Content_Length()
    {
        var headers = ParseFields(
            "HTTP/1.1 200 OK\r\n"
            + "Server: nginx\r\n"
            + "Content-Length: 12\r\n"
            + "Connection: keep-alive\r\n"
            + "Keep-Alive: timeout=5\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Trailer: X-Checksum\r\n"
            + "Upgrade: h2c\r\n"
            + "Proxy-Authenticate: Basic\r\n"
            + "Proxy-Connection: keep-alive\r\n"
            + "TE: trailers\r\n"
            + "X-Kept: yes\r\n"
            + "\r\n");

        Assert.Equal(["Server", "X-Kept"], headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("nginx", headers["Server"]);
        Assert.Equal("yes", headers["X-Kept"]);
    }

    [Fact]
    public void Content_Length_is_never_added_as_a_header()
    {
        var response = new DefaultHttpContext().Response;

        var head = Http1ResponseParser.Parse(Bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"), headRequest: false, response.Headers);

        Assert.Equal(5, head.ContentLength);
        Assert.False(response.Headers.ContainsKey(HeaderNames.ContentLength));
        Assert.Null(response.ContentLength);
    }

    [Fact]
    public void Fields_named_by_the_upstreams_Connection_are_dropped()
    {
        var headers = ParseFields(
            "HTTP/1.1 200 OK\r\n"
            + "X-Secret: 1\r\n"
            + "Connection: keep-alive, x-secret\r\n"
            + "X-Other: 2\r\n"
            + "Connection:  X-Other2 \r\n"
            + "X-Other2: 3\r\n"
            + "X-Secre: 4\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n");

        Assert.Equal(["X-Other", "X-Secre"], headers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Repeated_fields_are_kept_in_order()
    {
        var headers = ParseFields(
            "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\nContent-Length: 0\r\nset-cookie: b=2\r\nVary: Accept\r\nVary: Origin\r\n\r\n");

        Assert.Equal(new StringValues(["a=1; Path=/", "b=2"]), headers.SetCookie);
        Assert.Equal(new StringValues(["Accept", "Origin"]), headers.Vary);
    }

    [Fact]
    public void An_empty_value_is_kept_as_an_empty_field()
    {
        var headers = ParseFields("HTTP/1.1 200 OK\r\nX-Empty:\r\nX-Blank:  \t \r\nContent-Length: 0\r\n\r\n");

        Assert.True(headers.TryGetValue("X-Empty", out var empty));
        Assert.Equal(new StringValues(string.Empty), empty);
        Assert.Equal(1, empty.Count);
        Assert.True(headers.TryGetValue("X-Blank", out var blank));
        Assert.Equal(new StringValues(string.Empty), blank);
        Assert.Equal(1, blank.Count);
    }

    [Fact]
    public void Values_lose_surrounding_whitespace_and_keep_inner_whitespace_and_Latin1_bytes()
    {
        var text = Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nX-A: \t a  b \t\r\nX-Name: caf\u00e9\r\nContent-Length: 0\r\n\r\n");
        var response = new DefaultHttpContext().Response;

        Http1ResponseParser.Parse(text, headRequest: false, response.Headers);

        Assert.Equal("a  b", response.Headers["X-A"]);
        Assert.Equal("caf\u00e9", response.Headers["X-Name"]);
    }

    [Theory]
    [InlineData("content-type", "application/json")]
    [InlineData("CONTENT-TYPE", "application/json")]
    [InlineData("etag", "\"v1\"")]
    [InlineData("set-cookie", "a=1")]
    [InlineData("x-request-id", "abc")]
    public void Known_field_names_come_back_as_the_interned_well_cased_string(string sentName, string value)
    {
        var headers = ParseFields($"HTTP/1.1 200 OK\r\n{sentName}: {value}\r\nContent-Length: 0\r\n\r\n");

        var name = Assert.Single(headers.Keys);
        Assert.Equal(sentName, name, ignoreCase: true);
        Assert.NotEqual(sentName, name);
        Assert.Equal(value, headers[name]);
    }

    [Fact]
    public void Content_Type_comes_back_as_the_HeaderNames_instance()
    {
        var headers = ParseFields("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nServer: x\r\nContent-Length: 0\r\n\r\n");

        var keys = headers.Keys.ToArray();
        Assert.Same(HeaderNames.ContentType, keys[0]);
        Assert.Same(HeaderNames.Server, keys[1]);
    }

    [Fact]
    public void Unknown_field_names_keep_the_upstreams_casing()
    {
        var headers = ParseFields("HTTP/1.1 200 OK\r\nx-Custom-THING: 1\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal("x-Custom-THING", Assert.Single(headers.Keys));
    }

    [Fact]
    public void No_fields_are_added_without_a_target()
    {
        var head = Http1ResponseParser.Parse(Bytes("HTTP/1.1 100 Continue\r\nX-A: 1\r\n\r\n"), headRequest: false, target: null);

        Assert.Equal(100, head.StatusCode);
    }

    [Theory]
    [InlineData("HTTP/2 200\r\n")]
    [InlineData("HTTP/2.0 200 OK\r\n")]
    [InlineData("HTTP/1.1 20\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n")]
    [InlineData("HTTP/1.1 099 x\r\n")]
    [InlineData("HTTP/1.1 000 x\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n")]
    [InlineData("HTTP/1.1  200 OK\r\n")]
    [InlineData("HTTP/1.1\t200 OK\r\n")]
    [InlineData("HTTP/1.1 200\tOK\r\n")]
    [InlineData("http/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.x 200 OK\r\n")]
    [InlineData("ICY 200 OK\r\n")]
    [InlineData("garbage\r\n")]
    [InlineData("\r\n")]
    [InlineData("HTTP/1.1 200 O\nK\r\n")]
    [InlineData("HTTP/1.1 200 O\rK\r\n")]
    [InlineData("HTTP/1.1 200 O\0K\r\n")]
    public void A_bad_status_line_is_a_protocol_error(string statusLine)
    {
        AssertProtocolError(statusLine + "Content-Length: 0\r\n\r\n");
    }

    [Theory]
    [InlineData("X-A: 1\r\n folded\r\n")]
    [InlineData("X-A: 1\r\n\tfolded\r\n")]
    [InlineData(" X-A: 1\r\n")]
    [InlineData("X-A : 1\r\n")]
    [InlineData("X-A\t: 1\r\n")]
    [InlineData(": 1\r\n")]
    [InlineData("X-A 1\r\n")]
    [InlineData("X A: 1\r\n")]
    [InlineData("X-A\0: 1\r\n")]
    [InlineData("X-\u00e9: 1\r\n")]
    [InlineData("X-A: a\rb\r\n")]
    [InlineData("X-A: a\nb\r\n")]
    [InlineData("X-A: a\0b\r\n")]
    [InlineData("X-A: ab\r\r\n")]
    [InlineData("X-A: a\nX-B: b\r\n")]
    public void A_malformed_field_line_is_a_protocol_error(string fieldLines)
    {
        AssertProtocolError("HTTP/1.1 200 OK\r\n" + fieldLines + "Content-Length: 0\r\n\r\n");
    }

    [Theory]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n")]
    [InlineData("Content-Length: 5, 6\r\n")]
    [InlineData("Content-Length: 5,\r\n")]
    [InlineData("Content-Length: \r\n")]
    [InlineData("Content-Length: abc\r\n")]
    [InlineData("Content-Length: -1\r\n")]
    [InlineData("Content-Length: +5\r\n")]
    [InlineData("Content-Length: 0x10\r\n")]
    [InlineData("Content-Length: 5 5\r\n")]
    [InlineData("Content-Length: 99999999999999999999999\r\n")]
    public void A_conflicting_or_non_numeric_Content_Length_is_a_protocol_error(string fields)
    {
        AssertProtocolError("HTTP/1.1 200 OK\r\n" + fields + "\r\n");
    }

    [Theory]
    [InlineData("Transfer-Encoding: gzip, chunked\r\n")]
    [InlineData("Transfer-Encoding: gzip\r\n")]
    [InlineData("Transfer-Encoding: chunked, chunked\r\n")]
    [InlineData("Transfer-Encoding: identity\r\n")]
    [InlineData("Transfer-Encoding: \r\n")]
    [InlineData("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")]
    public void A_transfer_coding_other_than_one_chunked_is_a_protocol_error(string fields)
    {
        AssertProtocolError("HTTP/1.1 200 OK\r\n" + fields + "\r\n");
    }

    [Fact]
    public void Too_many_Connection_fields_are_a_protocol_error()
    {
        var eight = string.Concat(Enumerable.Repeat("Connection: keep-alive\r\n", 8));

        Assert.True(Parse("HTTP/1.1 200 OK\r\n" + eight + "Content-Length: 0\r\n\r\n").KeepAlive);
        AssertProtocolError("HTTP/1.1 200 OK\r\n" + eight + "Connection: keep-alive\r\nContent-Length: 0\r\n\r\n");
    }

    [Fact]
    public void A_malformed_field_is_an_error_even_without_a_target()
    {
        Assert.Throws<Http1ProtocolException>(() =>
            Http1ResponseParser.Parse(Bytes("HTTP/1.1 100 Continue\r\nX-A : 1\r\n\r\n"), headRequest: false, target: null));
    }

    [Fact]
    public void Trailers_are_added_minus_hop_by_hop_and_Content_Length()
    {
        var (context, trailers) = ContextWithTrailers();

        Http1ResponseParser.AddTrailers(
            "grpc-status: 0\r\nX-Checksum: abc\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\nx-checksum: def\r\n"u8,
            context.Response);

        Assert.Equal([HeaderNames.GrpcStatus, "X-Checksum"], trailers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("0", trailers["grpc-status"]);
        Assert.Equal(new StringValues(["abc", "def"]), trailers["X-Checksum"]);
    }

    [Fact]
    public void An_empty_trailer_section_adds_nothing()
    {
        var (context, trailers) = ContextWithTrailers();

        Http1ResponseParser.AddTrailers(default, context.Response);
        Http1ResponseParser.ValidateFields(default);

        Assert.Empty(trailers);
    }

    [Theory]
    [InlineData("X-A: 1\r\n b\r\n")]
    [InlineData("X-A : 1\r\n")]
    [InlineData(": 1\r\n")]
    [InlineData("X-A: a\rb\r\n")]
    [InlineData("X-A: a\0b\r\n")]
    public void Malformed_trailer_lines_are_protocol_errors(string fields)
    {
        var (context, _) = ContextWithTrailers();
        var bytes = Bytes(fields);

        Assert.Throws<Http1ProtocolException>(() => Http1ResponseParser.AddTrailers(bytes, context.Response));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseParser.ValidateFields(bytes));
    }

    [Fact]
    public void ValidateFields_accepts_well_formed_lines()
    {
        Http1ResponseParser.ValidateFields("grpc-status: 0\r\nX-Empty:\r\nX-B:  b \r\n"u8);
    }

    [Fact]
    public void An_upstream_field_replaces_one_the_edge_set_before_forwarding_and_repeats_within_the_answer_add_up()
    {
        var headers = new DefaultHttpContext().Response.Headers;
        headers["Cache-Status"] = "bff-edge; fwd=method";

        Http1ResponseParser.Parse(
            System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nCache-Status: nginx; hit\r\nCache-Status: cdn; fwd=miss\r\nContent-Length: 0\r\n\r\n"), false, headers);

        Assert.Equal(new[] { "nginx; hit", "cdn; fwd=miss" }, headers["Cache-Status"].ToArray());
    }

    [Theory]
    [InlineData(true, 200)]
    [InlineData(false, 204)]
    [InlineData(false, 304)]
    public void An_answer_with_both_Content_Length_and_Transfer_Encoding_is_never_reused(bool headRequest, int status)
    {
        var head = Http1ResponseParser.Parse(
            System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"), headRequest, null);

        Assert.False(head.KeepAlive);
    }

    private static Http1ResponseHead Parse(string text, bool headRequest = false) =>
        Http1ResponseParser.Parse(Bytes(text), headRequest, new DefaultHttpContext().Response.Headers);

    private static IHeaderDictionary ParseFields(string text)
    {
        var headers = new DefaultHttpContext().Response.Headers;
        Http1ResponseParser.Parse(Bytes(text), headRequest: false, headers);
        return headers;
    }

    private static void AssertProtocolError(string text)
    {
        var bytes = Bytes(text);
        Assert.Equal(bytes.Length, Http1ResponseParser.FindHeadEnd(bytes));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseParser.Parse(bytes, headRequest: false, new DefaultHttpContext().Response.Headers));
    }

    private static (DefaultHttpContext Context, IHeaderDictionary Trailers) ContextWithTrailers()
    {
        var context = new DefaultHttpContext();
        var trailers = new HeaderDictionary();
        context.Features.Set<IHttpResponseTrailersFeature>(new TrailersFeature { Trailers = trailers });
        return (context, trailers);
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    private sealed class TrailersFeature : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    }
}
