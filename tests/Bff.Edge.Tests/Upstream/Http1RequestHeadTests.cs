using System.Diagnostics;
using System.Net;
using System.Text;
using Bff.Edge.Headers;
using Bff.Edge.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Tests.Upstream;

public sealed class Http1RequestHeadTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void A_request_line_puts_the_base_path_before_the_path_and_query()
    {
        using var head = new Http1RequestHead();

        head.Start("GET", "/api/v1"u8, "/orders/7", "?page=2&size=10");
        head.End();

        Assert.Equal("GET /api/v1/orders/7?page=2&size=10 HTTP/1.1\r\n\r\n", Text(head));
    }

    [Theory]
    [InlineData("", "", null, "GET / HTTP/1.1\r\n")]
    [InlineData("", "", "?a=1", "GET /?a=1 HTTP/1.1\r\n")]
    [InlineData("/base", "", null, "GET /base HTTP/1.1\r\n")]
    [InlineData("/base", "/", "", "GET /base/ HTTP/1.1\r\n")]
    [InlineData("", "/x", "", "GET /x HTTP/1.1\r\n")]
    public void An_empty_path_without_a_base_path_is_sent_as_slash(string basePath, string path, string? query, string expected)
    {
        using var head = new Http1RequestHead();

        head.Start("GET", Encoding.ASCII.GetBytes(basePath), path, query);

        Assert.Equal(expected, Text(head));
    }

    [Theory]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/caf\u00e9/men\u00fc", "/caf%C3%A9/men%C3%BC")]
    [InlineData("/100%/x", "/100%25/x")]
    [InlineData("/a%2Fb", "/a%252Fb")]
    [InlineData("/\U0001F600", "/%F0%9F%98%80")]
    [InlineData("/q?x#y", "/q%3Fx%23y")]
    [InlineData("/keep-._~!$&'()*+,;=:@/", "/keep-._~!$&'()*+,;=:@/")]
    public void The_decoded_path_is_percent_encoded_as_UTF8(string path, string expected)
    {
        using var head = new Http1RequestHead();

        head.Start("GET", "/base"u8, path, null);

        Assert.Equal($"GET /base{expected} HTTP/1.1\r\n", Text(head));
    }

    [Theory]
    [InlineData("?q=caf\u00e9", "?q=caf%C3%A9")]
    [InlineData("?q=a b", "?q=a%20b")]
    [InlineData("?emoji=\U0001F600&x=1", "?emoji=%F0%9F%98%80&x=1")]
    [InlineData("?q=\u00e9%20x", "?q=%C3%A9%20x")]
    public void A_query_with_non_ASCII_is_percent_encoded_as_UTF8(string query, string expected)
    {
        using var head = new Http1RequestHead();

        head.Start("GET", default, "/search", query);

        Assert.Equal($"GET /search{expected} HTTP/1.1\r\n", Text(head));
    }

    [Theory]
    [InlineData("?a=1&b=%20x&c=%E2%82%AC")]
    [InlineData("?filter[name]=x|y&sort=-date,+id&q=\"a\"")]
    [InlineData("?")]
    public void A_visible_ASCII_query_is_kept_as_received(string query)
    {
        using var head = new Http1RequestHead();

        head.Start("POST", default, "/search", query);

        Assert.Equal($"POST /search{query} HTTP/1.1\r\n", Text(head));
    }

    [Fact]
    public void Fields_are_written_one_line_each_with_multiple_values_joined()
    {
        using var head = new Http1RequestHead();

        head.Start("GET", default, "/", null);
        head.AddLine("Host: upstream:8080\r\n"u8);
        head.Add("Accept", "application/json");
        head.Add("Accept-Language", new StringValues(["en-GB", "en;q=0.9"]));
        head.Add("Cookie", new StringValues(["a=1", "b=2", "c=3"]));
        head.Add("cookie", new StringValues(["d=4", "e=5"]));
        head.Add("X-One", new StringValues("only"));
        head.Add("X-Empty", string.Empty);
        head.AddContentLength(1234);
        head.End();

        Assert.False(head.Invalid);
        Assert.Equal(
            "GET / HTTP/1.1\r\n"
            + "Host: upstream:8080\r\n"
            + "Accept: application/json\r\n"
            + "Accept-Language: en-GB, en;q=0.9\r\n"
            + "Cookie: a=1; b=2; c=3\r\n"
            + "cookie: d=4; e=5\r\n"
            + "X-One: only\r\n"
            + "X-Empty: \r\n"
            + "Content-Length: 1234\r\n"
            + "\r\n",
            Text(head));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    public void Content_Length_is_written_as_a_decimal_number(long length, string expected)
    {
        using var head = new Http1RequestHead();

        head.Start("PUT", default, "/x", null);
        head.AddContentLength(length);

        Assert.Equal($"PUT /x HTTP/1.1\r\nContent-Length: {expected}\r\n", Text(head));
    }

    [Theory]
    [InlineData("X-A", "a\r\nX-Injected: 1")]
    [InlineData("X-A", "a\rb")]
    [InlineData("X-A", "a\nb")]
    [InlineData("X-A", "a\0b")]
    [InlineData("X-A\r\nX-Injected", "1")]
    [InlineData("X-A\n", "1")]
    public void A_name_or_value_holding_CR_LF_or_NUL_marks_the_head_invalid_and_is_not_written(string name, string value)
    {
        using var head = new Http1RequestHead();

        head.Start("GET", default, "/", null);
        head.Add(name, value);
        head.Add("X-After", "ok");
        head.End();

        Assert.True(head.Invalid);
        Assert.Equal("GET / HTTP/1.1\r\nX-After: ok\r\n\r\n", Text(head));
    }

    [Fact]
    public void A_line_break_in_one_of_several_values_marks_the_head_invalid()
    {
        using var head = new Http1RequestHead();

        head.Start("GET", default, "/", null);
        head.Add("X-List", new StringValues(["a", "b\r\nX-Injected: 1"]));

        Assert.True(head.Invalid);
        Assert.DoesNotContain("X-Injected", Text(head), StringComparison.Ordinal);
    }

    [Fact]
    public void The_buffer_grows_for_a_20_KiB_value()
    {
        using var head = new Http1RequestHead();
        var big = string.Concat(Enumerable.Range(0, 20 * 1024).Select(i => (char)('a' + (i % 26))));

        head.Start("GET", default, "/", null);
        head.Add("X-Before", "1");
        head.Add("X-Big", big);
        head.Add("X-After", "2");
        head.End();

        Assert.Equal($"GET / HTTP/1.1\r\nX-Before: 1\r\nX-Big: {big}\r\nX-After: 2\r\n\r\n", Text(head));
    }

    [Fact]
    public void Start_resets_the_written_head_and_the_invalid_mark()
    {
        using var head = new Http1RequestHead();
        head.Start("POST", "/base"u8, "/first", "?a=1");
        head.Add("X-Big", new string('x', 10_000));
        head.Add("X-Bad", "a\nb");
        head.End();
        Assert.True(head.Invalid);

        head.Start("GET", default, "/second", null);
        head.Add("Accept", "*/*");
        head.End();

        Assert.False(head.Invalid);
        Assert.Equal("GET /second HTTP/1.1\r\nAccept: */*\r\n\r\n", Text(head));
    }

    [Fact]
    public void The_edges_header_rules_write_a_complete_head()
    {
        var context = BrowserRequest();
        context.Request.Headers.TraceParent = TraceParent;
        context.Request.Headers.TraceState = new StringValues(["congo=t61rcWkgMzE", "rojo=00f067aa0ba902b7"]);
        using var head = new Http1RequestHead();

        var sent = WriteHead(context, head);

        Assert.Equal(TraceParent, sent);
        Assert.False(head.Invalid);
        Assert.Equal(
            "GET /api/orders/7?page=2 HTTP/1.1\r\n"
            + "Host: orders:5102\r\n"
            + "Accept: application/json\r\n"
            + "Accept-Encoding: gzip, br\r\n"
            + "Cookie: session=abc; theme=dark\r\n"
            + "X-Kept: 1\r\n"
            + "X-Forwarded-For: 203.0.113.7\r\n"
            + "X-Forwarded-Proto: https\r\n"
            + "X-Forwarded-Host: shop.example:8443\r\n"
            + $"traceparent: {TraceParent}\r\n"
            + "tracestate: congo=t61rcWkgMzE, rojo=00f067aa0ba902b7\r\n"
            + "X-Request-Id: req-42\r\n"
            + "\r\n",
            Text(head));
    }

    [Fact]
    public void A_malformed_traceparent_is_replaced_and_its_tracestate_dropped_and_a_client_request_id_kept()
    {
        var context = BrowserRequest();
        context.Request.Headers.TraceParent = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        context.Request.Headers.TraceState = "congo=t61rcWkgMzE";
        context.Request.Headers["X-Request-Id"] = "from-client";
        using var head = new Http1RequestHead();

        var sent = WriteHead(context, head);

        var text = Text(head);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", sent);
        Assert.Contains($"\r\ntraceparent: {sent}\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracestate", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nX-Request-Id: from-client\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("req-42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ASCII_values_go_out_as_UTF8_the_bytes_Kestrel_decoded()
    {
        using var head = new Http1RequestHead();
        head.Start("GET", default, "/", null);
        head.Add("X-Name", "\u20ac5");

        Assert.False(head.Invalid);
        Assert.Contains("X-Name: \u00e2\u0082\u00ac5", System.Text.Encoding.Latin1.GetString(head.Written.Span), StringComparison.Ordinal);
    }

    private static DefaultHttpContext BrowserRequest()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "req-42" };
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        var request = context.Request;
        request.Method = "GET";
        request.Scheme = "https";
        request.Host = new HostString("shop.example:8443");
        request.Path = "/orders/7";
        request.QueryString = new QueryString("?page=2");
        request.Headers.Accept = "application/json";
        request.Headers.Connection = "keep-alive, X-Drop";
        request.Headers["X-Drop"] = "secret";
        request.Headers["Keep-Alive"] = "timeout=5";
        request.Headers.TE = "trailers";
        request.Headers.Upgrade = "websocket";
        request.Headers["Proxy-Authorization"] = "Basic eDp5";
        request.Headers.AcceptEncoding = "gzip, br";
        request.Headers.Cookie = new StringValues(["session=abc", "theme=dark"]);
        request.Headers["X-Forwarded-For"] = "6.6.6.6";
        request.Headers["X-Forwarded-Host"] = "evil.example";
        request.Headers["X-Forwarded-Proto"] = "http";
        request.Headers["Forwarded"] = "for=6.6.6.6";
        request.Headers["X-Real-IP"] = "6.6.6.6";
        request.Headers.ContentLength = 0;
        request.Headers["X-Kept"] = "1";
        return context;
    }

    // What Http1Forwarder does for a request without a body, with a fixed destination Host line.
    private static string WriteHead(DefaultHttpContext context, Http1RequestHead head)
    {
        // Without an activity the client's trace context is what goes up; make sure no other test's activity leaks in.
        Activity.Current = null;
        var request = context.Request;
        head.Start(request.Method, "/api"u8, request.Path.Value!, request.QueryString.Value);
        head.AddLine("Host: orders:5102\r\n"u8);
        var sink = head;
        RequestHeaderCopier.Copy(request, ref sink);
        ForwardedHeaders.Apply(context, ref sink, trustedClient: false);
        var traceParent = TraceContextHeaders.Apply(context, ref sink);
        head.End();
        return traceParent;
    }

    private static string Text(Http1RequestHead head) => Encoding.ASCII.GetString(head.Written.Span);
}
