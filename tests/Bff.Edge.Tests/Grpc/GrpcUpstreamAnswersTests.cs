using System.Net;
using System.Text;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Grpc;

/// <summary>
/// How the edge reads what a gRPC upstream answers: status in trailers or headers (trailers-only), the status
/// mapping, percent-encoded messages, and answers that are not gRPC at all. The upstream is a real HTTP/2-only Kestrel.
/// </summary>
public sealed class GrpcUpstreamAnswersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 499, "Client Closed Request", "CANCELLED")]
    [InlineData(2, 500, "Internal Server Error", "UNKNOWN")]
    [InlineData(4, 504, "Gateway Timeout", "DEADLINE_EXCEEDED")]
    [InlineData(6, 409, "Conflict", "ALREADY_EXISTS")]
    [InlineData(7, 403, "Forbidden", "PERMISSION_DENIED")]
    [InlineData(8, 429, "Too Many Requests", "RESOURCE_EXHAUSTED")]
    [InlineData(9, 400, "Bad Request", "FAILED_PRECONDITION")]
    [InlineData(12, 501, "Not Implemented", "UNIMPLEMENTED")]
    [InlineData(13, 500, "Internal Server Error", "INTERNAL")]
    [InlineData(14, 503, "Service Unavailable", "UNAVAILABLE")]
    [InlineData(16, 401, "Unauthorized", "UNAUTHENTICATED")]
    [InlineData(42, 500, "Internal Server Error", "CODE_42")]
    public async Task A_status_in_the_trailers_maps_to_its_http_status(int code, int status, string title, string name)
    {
        await using var upstream = await StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.Response.AppendTrailer("grpc-message", "caf%C3%A9 100%25 closed");
        });

        using var response = await PostAsync(upstream, """{"productIds":[1]}""");

        var problem = await GrpcTranscodingTests.AssertProblemAsync(response, status, title, "café 100% closed");
        Assert.Equal(name, problem.GetProperty("grpcStatus").GetString());
    }

    [Fact]
    public async Task A_trailers_only_status_without_message_gets_a_detail_naming_the_status()
    {
        await using var upstream = await StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "5";
            return Task.CompletedTask;
        });

        using var response = await PostAsync(upstream, """{"productIds":[1]}""");

        await GrpcTranscodingTests.AssertProblemAsync(response, 404, "Not Found", "The upstream answered gRPC status NOT_FOUND.");
    }

    [Fact]
    public async Task The_upstream_gets_a_grpc_request_with_the_message_framed()
    {
        byte[]? seen = null;
        string? headers = null;
        await using var upstream = await StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            seen = body.ToArray();
            headers = $"{context.Request.Method} {context.Request.Path} {context.Request.Protocol} {context.Request.ContentType} te={context.Request.Headers.TE} timeout={context.Request.Headers["grpc-timeout"]}";
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 }, context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
        });

        using var response = await PostAsync(upstream, """{"productIds":[1, 300]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"summaries":[]}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("POST /bff.reviews.v1.RatingSummaries/GetRatingSummaries HTTP/2 application/grpc te=trailers timeout=5000m", headers);

        // Field 1, packed: tag 0x0a, length 3, varints 1 and 300 (0xac 0x02).
        Assert.Equal(new byte[] { 0, 0, 0, 0, 5, 0x0a, 3, 1, 0xac, 0x02 }, seen);
    }

    [Theory]
    [InlineData("http-500")]
    [InlineData("not-grpc")]
    [InlineData("no-status")]
    [InlineData("two-messages")]
    [InlineData("bad-bytes")]
    public async Task An_answer_that_is_not_valid_unary_grpc_is_a_502(string kind)
    {
        await using var upstream = await StartAsync(async context =>
        {
            var response = context.Response;
            switch (kind)
            {
                case "http-500":
                    response.StatusCode = 500;
                    return;
                case "not-grpc":
                    response.ContentType = "text/plain";
                    await response.WriteAsync("hello", context.RequestAborted);
                    return;
                case "no-status":
                    response.ContentType = "application/grpc";
                    await response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 }, context.RequestAborted);
                    return;
                case "two-messages":
                    response.ContentType = "application/grpc";
                    await response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, context.RequestAborted);
                    response.AppendTrailer("grpc-status", "0");
                    return;
                default:
                    // Field 1 (a repeated message) as a varint.
                    response.ContentType = "application/grpc";
                    await response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 2, 0x08, 1 }, context.RequestAborted);
                    response.AppendTrailer("grpc-status", "0");
                    return;
            }
        });

        using var answer = await PostAsync(upstream, """{"productIds":[1]}""");

        var problem = await GrpcTranscodingTests.AssertProblemAsync(answer, 502, "Bad Gateway", detail: null);
        var expected = kind switch
        {
            "http-500" => "The upstream answered HTTP 500 instead of a gRPC answer.",
            "not-grpc" => "The upstream's answer is not application/grpc.",
            "no-status" => "The upstream's answer carries no grpc-status.",
            "two-messages" => "The upstream's answer is not exactly one uncompressed gRPC message.",
            _ => "The upstream's reply does not fit bff.reviews.v1.GetRatingSummariesResponse.",
        };
        Assert.Equal(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upstream_that_is_down_is_a_502()
    {
        await using var edge = await EdgeHost.StartAsync(GrpcRoutes.Config($"http://127.0.0.1:{Ports.Closed()}"));
        using var client = edge.CreateClient();

        using var response = await client.PostAsync("/api/ratings/summaries", new StringContent("""{"productIds":[1]}""", Encoding.UTF8, "application/json"), Ct);

        await GrpcTranscodingTests.AssertProblemAsync(response, 502, "Bad Gateway", "The upstream service could not be reached.");
    }

    [Fact]
    public async Task An_upstream_slower_than_the_route_timeout_is_a_504()
    {
        await using var upstream = await StartAsync(context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var config = GrpcRoutes.Config(upstream.Url);
        config["Routes"]!["ratings"]!["Timeout"] = "00:00:00.300";
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var response = await client.PostAsync("/api/ratings/summaries", new StringContent("""{"productIds":[1]}""", Encoding.UTF8, "application/json"), Ct);

        await GrpcTranscodingTests.AssertProblemAsync(response, 504, "Gateway Timeout", "The upstream service did not answer in time.");
    }

    private static Task<TestUpstream> StartAsync(Func<HttpContext, Task> handler) =>
        TestUpstream.StartAsync("grpc", (context, _) => handler(context), http2Only: true);

    private static async Task<HttpResponseMessage> PostAsync(TestUpstream upstream, string json)
    {
        await using var edge = await EdgeHost.StartAsync(GrpcRoutes.Config(upstream.Url));
        using var client = edge.CreateClient();
        var response = await client.PostAsync("/api/ratings/summaries", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }
}
