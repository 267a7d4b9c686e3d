using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bff.Edge.Tests.Support;
using Bff.TestSupport.Upstreams;

namespace Bff.Edge.Tests.Forwarding;

/// <summary>
/// What an HTTP/1.1 upstream sends back, byte for byte (a scripted <see cref="RawUpstream"/>), and what the
/// client of the edge gets: framing, connection reuse, interim answers, malformed answers, header pass-through.
/// </summary>
public sealed class UpstreamResponseTests
{
    private const int TestTimeout = 30_000;
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeout)]
    public async Task A_chunked_answer_with_chunk_extensions_reaches_the_client_whole()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5;ext=1\r\nhello\r\n6;name=\"quoted value\";flag\r\n world\r\nB ; x=y\r\n 0123456789\r\n0;last\r\n\r\n"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello world 0123456789", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Chunked_trailers_from_the_upstream_reach_an_HTTP2_client_as_trailers()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum, X-Status\r\n\r\n" +
            "7\r\npayload\r\n0\r\nX-Checksum: sha256=abc\r\nX-Status: done\r\n\r\n"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url), https: true);
        using var client = Tls.TlsTests.InsecureHttp2Client(edge.HttpsUrl!);

        using var response = await client.GetAsync("/x", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("payload", body);
        Assert.Equal("sha256=abc", response.TrailingHeaders.GetValues("X-Checksum").Single());
        Assert.Equal("done", response.TrailingHeaders.GetValues("X-Status").Single());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_close_delimited_answer_reaches_the_client_whole()
    {
        var tail = Payload(100_000);
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is null)
            {
                return;
            }

            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\nfirst-");
            await Task.Delay(50, Ct);
            await connection.WriteAsync("second-");
            await connection.WriteAsync(tail);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([.. "first-second-"u8, .. tail], body);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Sequential_requests_reuse_one_kept_alive_upstream_connection()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(request =>
            $"HTTP/1.1 200 OK\r\nContent-Length: {request.Target.Length}\r\n\r\n{request.Target}"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        var bodies = new List<string>();
        foreach (var path in new[] { "/one", "/two", "/three" })
        {
            bodies.Add(await client.GetStringAsync(path, Ct));
        }

        Assert.Equal(["/one", "/two", "/three"], bodies);
        Assert.Equal(1, upstream.Connections);
        Assert.All(upstream.Requests, r => Assert.Equal(1, r.Connection));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task After_an_answer_with_Connection_close_the_next_request_goes_on_a_new_connection()
    {
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is not null)
            {
                await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nc{connection.Number:D2}");
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        var first = await client.GetStringAsync("/a", Ct);
        var second = await client.GetStringAsync("/b", Ct);

        Assert.Equal("c01", first);
        Assert.Equal("c02", second);
        Assert.Equal(2, upstream.Connections);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_pooled_connection_the_upstream_closed_while_idle_does_not_fail_the_next_request(string method)
    {
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is null)
            {
                return;
            }

            // Kept alive as far as the edge can tell, then closed while idle (an upstream's idle timeout).
            await connection.WriteAsync(Ok);
            await Task.Delay(100, Ct);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var first = await SendAsync(client, method, "/first");
        await Task.Delay(500, Ct);
        using var second = await SendAsync(client, method, "/second");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ok", await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, upstream.Connections);
        var seen = upstream.Requests.ToArray();
        Assert.Equal("/second", seen[^1].Target);
        Assert.Equal(method == "POST" ? "body:/second" : "", Encoding.ASCII.GetString(seen[^1].Body));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_interim_103_answer_is_followed_by_the_final_answer_and_its_body()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfinal"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("HEAD", "/head", 200)]
    [InlineData("GET", "/no-content", 204)]
    [InlineData("GET", "/not-modified", 304)]
    public async Task A_bodiless_answer_leaves_the_upstream_connection_ready_for_the_next_request(string method, string path, int status)
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(request => request.Target switch
        {
            "/head" => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n",
            "/no-content" => "HTTP/1.1 204 No Content\r\nX-Kind: none\r\n\r\n",
            "/not-modified" => "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n",
            _ => "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext",
        }));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var first = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        var firstBody = await first.Content.ReadAsByteArrayAsync(Ct);
        var next = await client.GetStringAsync("/next", Ct);

        Assert.Equal(status, (int)first.StatusCode);
        Assert.Empty(firstBody);
        if (method == "HEAD")
        {
            Assert.Equal(1000, first.Content.Headers.ContentLength);
        }

        Assert.Equal("next", next);
        Assert.Equal(1, upstream.Connections);
        Assert.Equal([method, "GET"], upstream.Requests.Select(r => r.Method));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_answer_header_section_over_64_KiB_gets_a_502_problem()
    {
        var big = string.Concat(Enumerable.Range(0, 10).Select(i => $"X-Big-{i}: {new string('a', 8 * 1024)}\r\n"));
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => $"HTTP/1.1 200 OK\r\n{big}Content-Length: 2\r\n\r\nok"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        await AssertBadGatewayProblemAsync(response);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_answer_header_section_of_48_KiB_passes_through()
    {
        var big = string.Concat(Enumerable.Range(0, 6).Select(i => $"X-Big-{i}: {new string((char)('a' + i), 8 * 1024)}\r\n"));
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => $"HTTP/1.1 200 OK\r\n{big}Content-Length: 2\r\n\r\nok"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new string('f', 8 * 1024), response.Headers.GetValues("X-Big-5").Single());
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Garbage_instead_of_a_status_line_gets_a_502_problem()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => "hello\r\n\r\n"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        await AssertBadGatewayProblemAsync(response);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_upstream_that_closes_before_answering_gets_a_502_problem()
    {
        await using var upstream = RawUpstream.Start(async connection => await connection.ReadRequestAsync());
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        await AssertBadGatewayProblemAsync(response);

        // A GET may be retried on a fresh connection (today's handler tries 4 connections), a POST never (below).
        Assert.NotEmpty(upstream.Requests);
        Assert.All(upstream.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_POST_the_upstream_dropped_without_answering_gets_a_502_problem_and_is_not_replayed()
    {
        await using var upstream = RawUpstream.Start(async connection => await connection.ReadRequestAsync());
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var content = new StringContent("charge-once");

        using var response = await client.PostAsync("/payments", content, Ct);

        await AssertBadGatewayProblemAsync(response);
        var seen = Assert.Single(upstream.Requests);
        Assert.Equal("charge-once", Encoding.ASCII.GetString(seen.Body));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Two_equal_Content_Length_lines_in_an_answer_are_accepted_and_the_connection_is_reused()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(request =>
            $"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{request.Target[1..]}"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        var first = await client.GetStringAsync("/aa", Ct);
        var second = await client.GetStringAsync("/bb", Ct);

        Assert.Equal("aa", first);
        Assert.Equal("bb", second);
        Assert.Equal(1, upstream.Connections);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_body_shorter_than_its_Content_Length_never_looks_complete_to_the_client()
    {
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is not null)
            {
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + new string('x', 100));
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        await AssertCutShortAsync(client);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_bad_chunk_size_never_looks_complete_to_the_client()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nabcd\r\n0\r\n\r\n"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        await AssertCutShortAsync(client);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Headers_named_in_the_answers_Connection_and_other_hop_by_hop_headers_never_reach_the_client()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 200 OK\r\nConnection: X-Internal, keep-alive\r\nX-Internal: secret\r\nKeep-Alive: timeout=5, max=100\r\n" +
            "Proxy-Connection: keep-alive\r\nX-Public: 1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        // HTTP/1.0 to the edge: no chunking of its own, so any Transfer-Encoding in the answer could only be leaked.
        var raw = await RawHttp.SendAsync(edge.HttpPort, "GET /x HTTP/1.0\r\nHost: a\r\n\r\n");
        var (head, body) = SplitResponse(raw);
        var headers = HeaderLines(head);

        Assert.Equal(200, StatusOfAnyVersion(head));
        Assert.Equal("hello", body);
        Assert.Contains(new KeyValuePair<string, string>("X-Public", "1"), headers);
        var names = headers.Select(h => h.Key.ToUpperInvariant()).ToList();
        Assert.DoesNotContain("X-INTERNAL", names);
        Assert.DoesNotContain("KEEP-ALIVE", names);
        Assert.DoesNotContain("PROXY-CONNECTION", names);
        Assert.DoesNotContain("TRANSFER-ENCODING", names);
        Assert.DoesNotContain("secret", head, StringComparison.Ordinal);
        Assert.All(headers.Where(h => h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)),
            h => Assert.DoesNotContain("X-Internal", h.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_chunked_request_body_of_unknown_length_reaches_the_upstream_intact()
    {
        var payload = Payload(300_000);
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => Ok));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        var pipe = new Pipe();
        var writing = WriteInOddPiecesAsync(pipe.Writer, payload);
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await client.PostAsync("/upload", content, Ct);
        await writing;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(upstream.Requests);
        Assert.Equal(payload, seen.Body);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_early_413_from_an_upstream_that_does_not_read_the_large_body_reaches_the_client()
    {
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync(readBody: false) is null)
            {
                return;
            }

            await connection.WriteAsync("HTTP/1.1 413 Payload Too Large\r\nContent-Type: text/plain\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoo big!");

            // Never reads a byte of the body: the edge must not wait for the upload to finish before answering.
            await connection.HoldAsync(TimeSpan.FromSeconds(20));
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var content = new ByteArrayContent(Payload(1024 * 1024));

        using var response = await client.PostAsync("/upload", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too big!", await response.Content.ReadAsStringAsync(Ct));
    }

    // RFC 9112 §6.3 (5): a proxy must answer 502 and close the upstream connection; no length guess is safe.
    [Theory(Timeout = TestTimeout)]
    [InlineData("Content-Length: 2\r\nContent-Length: 5")]
    [InlineData("Content-Length: 2, 5")]
    public async Task Differing_Content_Length_values_in_an_answer_get_a_502_problem(string lengths)
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => $"HTTP/1.1 200 OK\r\n{lengths}\r\n\r\nokxyz"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        await AssertBadGatewayProblemAsync(response);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("caf\u00e9")]
    [InlineData("\u20ac5")]
    public async Task Non_ASCII_request_header_reaches_an_http_upstream_as_the_client_sent_it(string value)
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 });
        using var request = new HttpRequestMessage(HttpMethod.Get, edge.HttpUrl + "/x");
        request.Headers.TryAddWithoutValidation("X-Name", value);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(upstream.Requests).Header("X-Name");
        // RawUpstream reads the head as Latin-1: the client's UTF-8 bytes show as their Latin-1 reading.
        Assert.Equal(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value)), seen);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_1_MiB_Content_Length_body_reaches_the_client_byte_exact()
    {
        var payload = Payload(1024 * 1024);
        await using var upstream = RawUpstream.Start(async connection =>
        {
            while (await connection.ReadRequestAsync() is not null)
            {
                await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {payload.Length}\r\n\r\n");
                await connection.WriteAsync(payload);
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/big", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload.Length, response.Content.Headers.ContentLength);
        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_1_MiB_chunked_body_in_odd_sized_chunks_reaches_the_client_byte_exact()
    {
        var payload = Payload(1024 * 1024);
        var chunked = Chunked(payload, [1, 7, 333, 4093, 65537, 17, 16384, 9]);
        await using var upstream = RawUpstream.Start(async connection =>
        {
            while (await connection.ReadRequestAsync() is not null)
            {
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n");

                // Written in pieces that cut through size lines and data alike.
                for (var offset = 0; offset < chunked.Length; offset += 100_003)
                {
                    await connection.WriteAsync(chunked.AsMemory(offset, Math.Min(100_003, chunked.Length - offset)));
                }
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/big", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Answer_header_values_pass_through_unchanged_including_repeated_and_empty_ones()
    {
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ =>
            "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/; HttpOnly\r\nSet-Cookie: b=2; Max-Age=60\r\nX-Empty:\r\n" +
            "X-List: one, two,three\r\nX-Spaces: a  b\t c\r\nX-Quoted: \"v, w\"\r\nContent-Length: 2\r\n\r\nok"));
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));

        var raw = await RawHttp.SendAsync(edge.HttpPort, "GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        var (head, body) = SplitResponse(raw);
        var headers = HeaderLines(head);

        Assert.Equal(200, RawHttp.StatusOf(raw));
        Assert.Equal("ok", body);
        Assert.Equal(["a=1; Path=/; HttpOnly", "b=2; Max-Age=60"], ValuesOf(headers, "Set-Cookie"));
        Assert.Equal([""], ValuesOf(headers, "X-Empty"));
        Assert.Equal(["one, two,three"], ValuesOf(headers, "X-List"));
        Assert.Equal(["a  b\t c"], ValuesOf(headers, "X-Spaces"));
        Assert.Equal(["\"v, w\""], ValuesOf(headers, "X-Quoted"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("body:" + path);
        }

        return client.SendAsync(request, Ct);
    }

    private static async Task AssertBadGatewayProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(502, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>The client either fails to get the headers or fails reading the body: never a clean, complete answer.</summary>
    private static async Task AssertCutShortAsync(HttpClient client)
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetAsync("/x", HttpCompletionOption.ResponseHeadersRead, Ct);
            await response.Content.ReadAsByteArrayAsync(Ct);
        });

        Assert.True(failure is HttpRequestException or IOException, $"expected a failed read, got {failure?.ToString() ?? "a complete response"}");
    }

    private static async Task WriteInOddPiecesAsync(PipeWriter writer, byte[] payload)
    {
        var sizes = new[] { 1, 5000, 7, 65536, 333 };
        for (int offset = 0, i = 0; offset < payload.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], payload.Length - offset);
            await writer.WriteAsync(payload.AsMemory(offset, size), Ct);
            offset += size;
        }

        await writer.CompleteAsync();
    }

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) ^ (i >> 8));
        }

        return bytes;
    }

    private static byte[] Chunked(byte[] payload, int[] sizes)
    {
        using var chunked = new MemoryStream();
        for (int offset = 0, i = 0; offset < payload.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], payload.Length - offset);
            chunked.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            chunked.Write(payload, offset, size);
            chunked.Write("\r\n"u8);
            offset += size;
        }

        chunked.Write("0\r\n\r\n"u8);
        return chunked.ToArray();
    }

    private static (string Head, string Body) SplitResponse(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no complete head in: {raw}");
        return (raw[..end], raw[(end + 4)..]);
    }

    private static List<KeyValuePair<string, string>> HeaderLines(string head) => head.Split("\r\n").Skip(1)
        .Select(l => l.Split(':', 2))
        .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1].Trim(' ', '\t') : ""))
        .ToList();

    private static string[] ValuesOf(List<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();

    private static int StatusOfAnyVersion(string head) => int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
}
