using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Grpc;

/// <summary>
/// JSON through the real edge, translated to a unary gRPC call on the real reviews stub's HTTP/2 listener, and back.
/// </summary>
public sealed class GrpcTranscodingTests : IClassFixture<ReviewsStubProcess>, IAsyncLifetime
{
    private const string Path = "/api/ratings/summaries";

    private readonly ReviewsStubProcess _stub;
    private EdgeHost _edge = null!;
    private HttpClient _client = null!;

    public GrpcTranscodingTests(ReviewsStubProcess stub) => _stub = stub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _edge = await EdgeHost.StartAsync(GrpcRoutes.Config(_stub.GrpcUrl));
        _client = _edge.CreateClient();
    }

    [Fact]
    public async Task Json_request_comes_back_as_the_stubs_summaries_in_json()
    {
        var rest = JsonNode.Parse(await _stub.Http.GetStringAsync("/reviews/summary?productIds=3,1,495", Ct))!["items"]!.AsArray();
        var expected = new JsonObject
        {
            ["summaries"] = new JsonArray([.. rest.Select(s => (JsonNode)new JsonObject
            {
                ["productId"] = s!["productId"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["average"] = s["average"]!.GetValue<double>(),
                ["count"] = s["count"]!.GetValue<int>(),
                ["histogram"] = s["histogram"]!.DeepClone(),
            })]),
        };

        using var response = await PostAsync("""{"productIds": [3, "1", 495]}""");
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(expected.ToJsonString(), body);
        Assert.Contains("""{"productId":"495","average":0,"count":0,"histogram":[0,0,0,0,0]}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proto_field_name_is_accepted_too()
    {
        using var response = await PostAsync("""{"product_ids": ["7"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("""{"summaries":[{"productId":"7",""", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"productIds": [1, true]}""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $.productIds[1]: expected int64 (a number or a string of digits), got true")]
    [InlineData("""{"productIds": 1}""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $.productIds: expected an array, got a number")]
    [InlineData("""{"productIds": [1], "limit": 3}""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $.limit: is not a field of bff.reviews.v1.GetRatingSummariesRequest")]
    [InlineData("""{"productIds": ["1.5"]}""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $.productIds[0]: expected int64, got a value that is not an integer")]
    [InlineData("""{"productIds": [9223372036854775808]}""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $.productIds[0]: is out of range for int64")]
    [InlineData("""["productIds"]""", "The request body does not fit bff.reviews.v1.GetRatingSummariesRequest: $: expected an object (bff.reviews.v1.GetRatingSummariesRequest), got an array")]
    public async Task Json_that_does_not_fit_the_message_is_a_400_naming_the_field_and_never_reaches_the_stub(string json, string detail)
    {
        var before = await _stub.GrpcCallsAsync();

        using var response = await PostAsync(json);

        await AssertProblemAsync(response, 400, "Bad Request", detail);
        Assert.Equal(before, await _stub.GrpcCallsAsync());
    }

    [Theory]
    [InlineData("""{"productIds": [1""")]
    [InlineData("""{productIds: [1]}""")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_and_never_reaches_the_stub(string json)
    {
        var before = await _stub.GrpcCallsAsync();

        using var response = await PostAsync(json);

        var problem = await AssertProblemAsync(response, 400, "Bad Request", detail: null);
        Assert.StartsWith("The request body is not valid JSON: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _stub.GrpcCallsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var response = await _client.PostAsync(Path, new StringContent("productIds=1", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        await AssertProblemAsync(response, 415, "Unsupported Media Type", "The request body must be application/json.");
    }

    [Fact]
    public async Task A_method_other_than_post_is_a_405_with_allow()
    {
        using var response = await _client.GetAsync(Path, Ct);

        await AssertProblemAsync(response, 405, "Method Not Allowed", "This route takes POST with a JSON body.");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("""{"productIds": [1, 0]}""", 400, "Bad Request", "product_ids must be positive; got 0", "INVALID_ARGUMENT")]
    [InlineData("""{"productIds": []}""", 400, "Bad Request", "product_ids must list 1 to 100 ids; got 0", "INVALID_ARGUMENT")]
    [InlineData("""{}""", 400, "Bad Request", "product_ids must list 1 to 100 ids; got 0", "INVALID_ARGUMENT")]
    [InlineData("""{"productIds": [2, 501]}""", 404, "Not Found", "product 501 does not exist", "NOT_FOUND")]
    public async Task A_grpc_error_status_from_the_stub_becomes_its_http_status_and_a_problem(string json, int status, string title, string detail, string grpcStatus)
    {
        var before = await _stub.GrpcCallsAsync();

        using var response = await PostAsync(json);

        var problem = await AssertProblemAsync(response, status, title, detail);
        Assert.Equal(grpcStatus, problem.GetProperty("grpcStatus").GetString());
        Assert.Equal(before + 1, await _stub.GrpcCallsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _edge.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    /// <summary>Checks the whole problem document except <c>traceId</c> (and <c>detail</c> when null); returns it.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string title, string? detail)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"https://httpstatuses.io/{status}", problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (detail is not null)
        {
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }

        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var names = problem.EnumerateObject().Select(p => p.Name).ToHashSet();
        names.ExceptWith(["type", "title", "status", "detail", "traceId", "grpcStatus"]);
        Assert.Empty(names);
        return problem;
    }
}
