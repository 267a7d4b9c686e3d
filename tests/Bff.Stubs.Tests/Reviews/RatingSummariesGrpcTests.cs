using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Bff.Contracts;
using Bff.Stubs.Reviews.Grpc;
using Bff.Stubs.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;
using Google.Protobuf;

namespace Bff.Stubs.Tests.Reviews;

/// <summary>
/// The reviews stub's unary gRPC method, called over raw cleartext HTTP/2 with the gRPC framing, against the real
/// executable with its HTTP/2-only listener.
/// </summary>
public sealed class RatingSummariesGrpcTests : IClassFixture<RatingSummariesGrpcTests.ReviewsProcess>
{
    private readonly ReviewsProcess _stub;

    public RatingSummariesGrpcTests(ReviewsProcess stub) => _stub = stub;

    [Fact]
    public async Task Summaries_come_back_in_request_order_with_the_same_values_as_the_REST_summary()
    {
        var request = new GetRatingSummariesRequest { ProductIds = { 3, 1, 495 } };

        var (status, message, reply) = await _stub.CallAsync(request);
        var rest = await _stub.Http.GetOkAsync("/reviews/summary?productIds=3,1,495", ContractsJsonContext.Default.ItemListRatingSummary);

        Assert.Equal("0", status);
        Assert.Null(message);
        var response = GetRatingSummariesResponse.Parser.ParseFrom(reply);
        Assert.Equal([3L, 1L, 495L], response.Summaries.Select(s => s.ProductId));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(rest.Items[i].Average, response.Summaries[i].Average);
            Assert.Equal(rest.Items[i].Count, response.Summaries[i].Count);
            Assert.Equal(rest.Items[i].Histogram, response.Summaries[i].Histogram);
        }

        Assert.True(response.Summaries[0].Count > 0);
        Assert.Equal(new RatingSummary { ProductId = 495, Average = 0, Count = 0, Histogram = { 0, 0, 0, 0, 0 } }, response.Summaries[2]);
    }

    [Theory]
    [InlineData(new long[] { 1, 0 }, "3", "product_ids must be positive; got 0")]
    [InlineData(new long[] { -7 }, "3", "product_ids must be positive; got -7")]
    [InlineData(new long[] { 2, 2 }, "3", "product_ids lists 2 twice")]
    [InlineData(new long[0], "3", "product_ids must list 1 to 100 ids; got 0")]
    [InlineData(new long[] { 501 }, "5", "product 501 does not exist")]
    public async Task Bad_ids_fail_with_a_trailers_only_status(long[] ids, string expectedStatus, string expectedMessage)
    {
        var (status, message, reply) = await _stub.CallAsync(new GetRatingSummariesRequest { ProductIds = { ids } });

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedMessage, message);
        Assert.Empty(reply);
    }

    [Fact]
    public async Task More_than_100_ids_is_invalid_argument()
    {
        var (status, message, _) = await _stub.CallAsync(new GetRatingSummariesRequest { ProductIds = { Enumerable.Range(1, 101).Select(i => (long)i) } });

        Assert.Equal("3", status);
        Assert.Equal("product_ids must list 1 to 100 ids; got 101", message);
    }

    [Fact]
    public async Task A_body_without_a_whole_frame_is_internal()
    {
        using var content = new ByteArrayContent([0, 0, 0, 0, 9, 1]);
        var (status, message, _) = await _stub.SendAsync(content);

        Assert.Equal("13", status);
        Assert.Equal("request must hold exactly one message", message);
    }

    [Fact]
    public async Task Calls_are_counted_in_stub_stats()
    {
        var before = await _stub.Http.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);
        await _stub.CallAsync(new GetRatingSummariesRequest { ProductIds = { 1 } });
        var after = await _stub.Http.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(before.Routes.GetValueOrDefault(RatingSummariesEndpoint.StatsRoute) + 1, after.Routes[RatingSummariesEndpoint.StatsRoute]);
    }

    /// <summary>The reviews stub as a process: HTTP on one free port, gRPC (HTTP/2 only) on another.</summary>
    public sealed class ReviewsProcess : IAsyncLifetime
    {
        private ServiceProcess? _process;

        public HttpClient Http { get; private set; } = null!;

        public HttpClient Grpc { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var grpcPort = FreePort.Next();
            _process = await ServiceProcess.StartDotnetAsync(
                RepoPaths.SiblingDll("Bff.Stubs"),
                ["--service", "reviews", "--Stub:Grpc:Url", $"http://127.0.0.1:{grpcPort}"],
                new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) },
                TestContext.Current.CancellationToken);
            Http = new HttpClient { BaseAddress = _process.BaseAddress };
            Grpc = new HttpClient(new SocketsHttpHandler { UseProxy = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{grpcPort}"),
            };
        }

        public async Task<(string? Status, string? Message, byte[] Reply)> CallAsync(IMessage request)
        {
            var frame = new byte[5 + request.CalculateSize()];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)(frame.Length - 5));
            request.WriteTo(frame.AsSpan(5));
            using var content = new ByteArrayContent(frame);
            return await SendAsync(content);
        }

        public async Task<(string? Status, string? Message, byte[] Reply)> SendAsync(HttpContent content)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            using var message = new HttpRequestMessage(HttpMethod.Post, RatingSummariesEndpoint.Path)
            {
                Content = content,
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
            using var response = await Grpc.SendAsync(message, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new Version(2, 0), response.Version);
            Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);

            // A trailers-only answer carries the status in its headers.
            var headers = body.Length == 0 ? response.Headers : response.TrailingHeaders;
            var status = headers.TryGetValues("grpc-status", out var s) ? s.Single() : null;
            var text = headers.TryGetValues("grpc-message", out var m) ? Uri.UnescapeDataString(m.Single()) : null;
            if (body.Length == 0)
            {
                return (status, text, []);
            }

            Assert.Equal(0, body[0]);
            Assert.Equal(body.Length - 5, (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4)));
            return (status, text, body[5..]);
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            Grpc?.Dispose();
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }
        }
    }
}
