using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Edge.Configuration;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Compression;

/// <summary>Brotli/gzip at the edge, against a real upstream; every compressed body must decompress to the upstream's exact bytes.</summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        "[" + string.Join(',', Enumerable.Range(1, 400).Select(i => $"{{\"id\":{i},\"name\":\"Product {i}\",\"price\":{i * 3}.99}}")) + "]");

    private static readonly byte[] Png = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7919 % 251)).ToArray();

    private static readonly byte[] Small = Encoding.UTF8.GetBytes("{\"ok\":true,\"padding\":\"" + new string('x', 900) + "\"}");

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestUpstream _upstream = null!;
    private EdgeHost _edge = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync("a", Serve);
        var config = EdgeHost.SingleRoute("/{**all}", _upstream.Url);
        config["Routes"]!["r1"]!["Compression"] = new JsonObject { ["MinimumBodySize"] = 1024 };
        config["Routes"]!["plain"] = new JsonObject { ["ClusterId"] = "c1", ["Match"] = new JsonObject { ["Path"] = "/plain/{**all}" } };
        config["Routes"]!["cached"] = new JsonObject
        {
            ["ClusterId"] = "c1",
            ["Match"] = new JsonObject { ["Path"] = "/cached/{**all}" },
            ["Compression"] = new JsonObject(),
            ["Cache"] = new JsonObject { ["Ttl"] = "00:01:00" },
        };
        _edge = await EdgeHost.StartAsync(config);
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _edge.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip;q=1.0, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip;q=0.8", "gzip")]
    [InlineData("*", "br")]
    [InlineData("gzip;q=0, *;q=0.1", "br")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("deflate", null)]
    public async Task The_coding_follows_Accept_Encoding_and_the_body_decompresses_to_the_upstreams_bytes(string acceptEncoding, string? expected)
    {
        using var response = await GetAsync("/json", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accept-Encoding", string.Join(", ", response.Headers.Vary));
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        if (expected is null)
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(Json.Length, response.Content.Headers.ContentLength);
            Assert.Equal(Json, body);
            return;
        }

        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.TransferEncodingChunked); // Content-Length removed: the compressed length is not known upfront
        Assert.True(body.Length < Json.Length / 3, $"{body.Length} bytes for {Json.Length}");
        Assert.Equal(Json, Decompress(expected, body));
    }

    [Fact]
    public async Task An_answer_the_upstream_compressed_passes_through_byte_for_byte()
    {
        using var response = await GetAsync("/precompressed", "br, gzip");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(Gzip(Json), await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/small")]
    [InlineData("/image")]
    [InlineData("/no-transform")]
    [InlineData("/partial")]
    public async Task Small_already_compressed_no_transform_and_partial_answers_stay_as_they_are(string path)
    {
        using var response = await GetAsync(path, "br, gzip");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Empty(response.Headers.Vary);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(path == "/small" ? Small : path == "/image" ? Png : Json, body);
    }

    [Fact]
    public async Task HEAD_and_204_answers_are_not_compressed()
    {
        using var head = await SendAsync(HttpMethod.Head, "/json", "br");
        using var noContent = await GetAsync("/nocontent", "br");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(head.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.NoContent, noContent.StatusCode);
        Assert.Empty(noContent.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_route_without_Compression_and_a_client_without_Accept_Encoding_get_the_upstreams_bytes_the_client_with_Vary()
    {
        using var plainRoute = await GetAsync("/plain/json", "br, gzip");
        using var noHeader = await GetAsync("/json", null);

        Assert.Empty(plainRoute.Content.Headers.ContentEncoding);
        Assert.Equal(Json, await plainRoute.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(noHeader.Content.Headers.ContentEncoding);
        Assert.Equal("Accept-Encoding", string.Join(", ", noHeader.Headers.Vary));
        Assert.Equal(Json, await noHeader.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_cache_behind_compression_stores_one_uncompressed_copy_that_serves_every_coding()
    {
        using var gzip = await GetAsync("/cached/json", "gzip");
        using var brotli = await GetAsync("/cached/json", "br");
        using var identity = await GetAsync("/cached/json", null);

        Assert.Equal(Json, Decompress("gzip", await gzip.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(Json, Decompress("br", await brotli.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(Json, await identity.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, _upstream.Count);
    }

    [Fact]
    public async Task A_strong_ETag_becomes_weak_on_the_compressed_answer()
    {
        using var response = await GetAsync("/etag", "gzip");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("W/\"v1\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_streamed_answer_of_unknown_length_is_compressed_and_reaches_the_client_chunk_by_chunk()
    {
        using var client = _edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/stream");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var stream = new GZipStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);

        // The first event arrives while the upstream still holds the rest back: nothing waits for the whole body.
        var first = new byte[16];
        var read = await stream.ReadAsync(first, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _release.SetResult();
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest, Ct);

        Assert.Equal("data: first\n\n", Encoding.ASCII.GetString(first, 0, read));
        Assert.Equal("data: second\n\n", Encoding.ASCII.GetString(rest.ToArray()));
    }

    [Theory]
    [InlineData("""{ "MinimumBodySize": -1 }""", "Routes.r.Compression.MinimumBodySize: must be 0 or positive (got -1)")]
    [InlineData("""{ "Level": "NoCompression" }""", "Routes.r.Compression.Level: must be Fastest or Optimal (got NoCompression)")]
    public void An_invalid_Compression_block_is_refused_with_its_key(string compression, string error)
    {
        var json = $$"""
            { "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/x" }, "Compression": {{compression}} } },
              "Clusters": { "c": { "Destinations": { "a": { "Address": "http://127.0.0.1:1" } } } } }
            """;

        var result = EdgeConfigLoader.Parse(json, "edge.json");

        Assert.Equal($"edge.json: {error}", Assert.Single(result.Errors));
    }

    private async Task Serve(HttpContext context, TestUpstream upstream)
    {
        var response = context.Response;
        var path = context.Request.Path.Value!.Replace("/plain", "", StringComparison.Ordinal).Replace("/cached", "", StringComparison.Ordinal);
        switch (path)
        {
            case "/json" or "/etag" or "/no-transform" or "/partial":
                response.ContentType = "application/json; charset=utf-8";
                if (path == "/etag")
                {
                    response.Headers.ETag = "\"v1\"";
                }
                else if (path == "/no-transform")
                {
                    response.Headers.CacheControl = "public, no-transform";
                }
                else if (path == "/partial")
                {
                    response.StatusCode = StatusCodes.Status206PartialContent;
                    response.Headers.ContentRange = $"bytes 0-{Json.Length - 1}/{Json.Length * 2}";
                }

                await WriteAsync(response, Json, context.Request.Method);
                break;
            case "/small":
                response.ContentType = "application/json";
                await WriteAsync(response, Small, context.Request.Method);
                break;
            case "/image":
                response.ContentType = "image/png";
                await WriteAsync(response, Png, context.Request.Method);
                break;
            case "/precompressed":
                response.ContentType = "application/json";
                response.Headers.ContentEncoding = "gzip";
                await WriteAsync(response, Gzip(Json), context.Request.Method);
                break;
            case "/nocontent":
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case "/stream":
                response.ContentType = "text/event-stream";
                await response.WriteAsync("data: first\n\n", context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                await _release.Task.WaitAsync(context.RequestAborted);
                await response.WriteAsync("data: second\n\n", context.RequestAborted);
                break;
        }
    }

    private static Task WriteAsync(HttpResponse response, byte[] body, string method)
    {
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding) => SendAsync(HttpMethod.Get, path, acceptEncoding);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? acceptEncoding)
    {
        using var client = _edge.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request, Ct);
    }

    private static byte[] Decompress(string coding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
