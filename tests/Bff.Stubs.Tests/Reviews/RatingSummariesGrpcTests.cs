using System.Net;
using System.Net.Http.Headers;
using Bff.Contracts;
using Bff.Stubs.Reviews.Grpc;
using Bff.Stubs.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bff.Stubs.Tests.Reviews;

/// <summary>
/// The reviews stub's unary gRPC method, called through the generated Grpc.Net.Client client against the real
/// executable with its HTTP/2-only listener.
/// </summary>
public sealed class RatingSummariesGrpcTests : IClassFixture<RatingSummariesGrpcTests.ReviewsProcess>
{
    private readonly ReviewsProcess _stub;

    public RatingSummariesGrpcTests(ReviewsProcess stub) => _stub = stub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Summaries_come_back_in_request_order_with_the_same_values_as_the_REST_summary()
    {
        var response = await _stub.Client.GetRatingSummariesAsync(new GetRatingSummariesRequest { ProductIds = { 3, 1, 495 } }, cancellationToken: Ct);
        var rest = await _stub.Http.GetOkAsync("/reviews/summary?productIds=3,1,495", ContractsJsonContext.Default.ItemListRatingSummary);

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
    [InlineData(new long[] { 1, 0 }, StatusCode.InvalidArgument, "product_ids must be positive; got 0")]
    [InlineData(new long[] { -7 }, StatusCode.InvalidArgument, "product_ids must be positive; got -7")]
    [InlineData(new long[] { 2, 2 }, StatusCode.InvalidArgument, "product_ids lists 2 twice")]
    [InlineData(new long[0], StatusCode.InvalidArgument, "product_ids must list 1 to 100 ids; got 0")]
    [InlineData(new long[] { 501 }, StatusCode.NotFound, "product 501 does not exist")]
    public async Task Bad_ids_fail_with_a_status_and_its_detail(long[] ids, StatusCode expectedStatus, string expectedDetail)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            _stub.Client.GetRatingSummariesAsync(new GetRatingSummariesRequest { ProductIds = { ids } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(expectedStatus, failure.StatusCode);
        Assert.Equal(expectedDetail, failure.Status.Detail);
    }

    [Fact]
    public async Task More_than_100_ids_is_invalid_argument()
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => _stub.Client.GetRatingSummariesAsync(
            new GetRatingSummariesRequest { ProductIds = { Enumerable.Range(1, 101).Select(i => (long)i) } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal("product_ids must list 1 to 100 ids; got 101", failure.Status.Detail);
    }

    [Fact]
    public async Task A_body_without_a_whole_frame_is_internal()
    {
        // Below the generated client: a length prefix announcing 9 bytes followed by one.
        using var content = new ByteArrayContent([0, 0, 0, 0, 9, 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff.reviews.v1.RatingSummaries/GetRatingSummaries")
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

        using var response = await _stub.RawGrpc.SendAsync(request, Ct);
        await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = response.TrailingHeaders.Contains("grpc-status") ? response.TrailingHeaders : response.Headers;
        Assert.Equal(((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Calls_are_counted_in_stub_stats()
    {
        var before = await _stub.Http.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);
        await _stub.Client.GetRatingSummariesAsync(new GetRatingSummariesRequest { ProductIds = { 1 } }, cancellationToken: Ct);
        var after = await _stub.Http.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(before.Routes.GetValueOrDefault(RatingSummariesService.StatsRoute) + 1, after.Routes[RatingSummariesService.StatsRoute]);
    }

    /// <summary>The reviews stub as a process: HTTP on one free port, gRPC (HTTP/2 only) on another.</summary>
    public sealed class ReviewsProcess : IAsyncLifetime
    {
        private ServiceProcess? _process;
        private GrpcChannel? _channel;

        public HttpClient Http { get; private set; } = null!;

        /// <summary>Plain HTTP/2 to the gRPC listener, for frames the generated client would never send.</summary>
        public HttpClient RawGrpc { get; private set; } = null!;

        internal RatingSummaries.RatingSummariesClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var grpcPort = FreePort.Next();
            _process = await ServiceProcess.StartDotnetAsync(
                RepoPaths.SiblingDll("Bff.Stubs"),
                ["--service", "reviews", "--Stub:Grpc:Url", $"http://127.0.0.1:{grpcPort}"],
                new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) },
                TestContext.Current.CancellationToken);
            Http = new HttpClient { BaseAddress = _process.BaseAddress };
            var grpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
            RawGrpc = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = grpcAddress };
            _channel = GrpcChannel.ForAddress(grpcAddress);
            Client = new RatingSummaries.RatingSummariesClient(_channel);
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            RawGrpc?.Dispose();
            _channel?.Dispose();
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }
        }
    }
}
