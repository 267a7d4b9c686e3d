using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.Contracts.Tests.Support;
using Bff.TestSupport.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Contracts.Tests.Consumer;

/// <summary>
/// How the clients behave when the users service misbehaves (WireMock.Net answers on top of the contracts). Slow
/// answers and broken connections are in <see cref="UpstreamFaultTests"/>.
/// </summary>
public sealed class ClientFailureTests() : ConsumerTestBase("users")
{
    [Fact]
    public async Task Server_error_then_success_is_retried_to_success()
    {
        WireMock.AddMapping(Override("GET", "/users/1", """{ "StatusCode": 503 }""", mappingExtra: """ "Scenario": "flaky", "SetStateTo": "recovered", """));

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("demo", result.Value.Username);
        Assert.Equal(2, WireMock.CountRequests("GET", "/users/1"));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_then_fails_without_a_call()
    {
        await using var clients = ClientHost.Create(WireMock.BaseAddress, new Dictionary<string, string?>
        {
            ["Resilience:users:MaxRetryAttempts"] = "0",
            ["Resilience:users:BreakerMinimumThroughput"] = "4",
            ["Resilience:users:BreakerFailureRatio"] = "0.5",
            ["Resilience:users:BreakerBreakDuration"] = "00:00:30",
        });
        WireMock.AddMapping(Override("GET", "/users/1", """{ "StatusCode": 500 }"""));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(ServiceErrorKind.Unavailable, (await clients.Users.GetUserAsync(1, Token)).Error?.Kind);
        }

        var rejected = await clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.CircuitOpen, rejected.Error?.Kind);
        Assert.Null(rejected.Error?.Status);
        Assert.Equal(4, WireMock.CountRequests("GET", "/users/1"));
    }

    [Fact]
    public async Task Post_is_not_retried()
    {
        WireMock.AddMapping(Override("POST", "/orders", """{ "StatusCode": 503 }"""));

        var result = await Clients.Orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderItem(1, 2)]), Token);

        Assert.Equal(ServiceErrorKind.Unavailable, result.Error?.Kind);
        Assert.Equal(503, result.Error?.Status);
        Assert.Equal(1, WireMock.CountRequests("POST", "/orders"));
    }

    [Fact]
    public async Task Malformed_json_from_upstream_is_an_InvalidResponse_result()
    {
        WireMock.AddMapping(Override("GET", "/users/1", """{ "StatusCode": 200, "Headers": { "Content-Type": "application/json" }, "Body": "{\"id\": 1, \"username\": " }"""));

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Equal(200, result.Error?.Status);
    }

    [Fact]
    public async Task Html_instead_of_json_is_an_InvalidResponse_result()
    {
        WireMock.AddMapping(Override("GET", "/users/1", """{ "StatusCode": 200, "Headers": { "Content-Type": "text/html" }, "Body": "<html>maintenance</html>" }"""));

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task Broken_problem_body_still_gives_the_kind_from_the_status()
    {
        WireMock.AddMapping(Override("GET", "/users/1", """{ "StatusCode": 404, "Headers": { "Content-Type": "application/problem+json" }, "Body": "{oops" }"""));

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Null(result.Error?.Problem);
    }

    [Fact]
    public async Task Handlers_chained_on_the_returned_builders_run_on_every_call()
    {
        await using var clients = ClientHost.Create(WireMock.BaseAddress, configure: builder =>
        {
            foreach (var client in builder.All)
            {
                client.AddHttpMessageHandler(() => new TagHandler());
            }
        });
        WireMock.AddMapping(Override(
            "GET",
            "/users/1",
            """
            { "StatusCode": 200, "Headers": { "Content-Type": "application/json" },
              "BodyAsJson": { "id": 1, "username": "chained", "displayName": "D", "email": "d@example.com", "createdAt": "2024-01-01T00:00:00Z" } }
            """,
            requestExtra: """ "Headers": [ { "Name": "X-Test-Chain", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "yes" } ] } ], """));

        var result = await clients.Users.GetUserAsync(1, Token);

        Assert.Equal("chained", result.Value?.Username);
    }

    [Fact]
    public async Task Unreachable_service_is_an_Unavailable_result()
    {
        await using var clients = ClientHost.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        var result = await clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.Unavailable, result.Error?.Kind);
        Assert.True(result.Error?.IsTransient);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Non_positive_id_is_refused_without_a_request(int id)
    {
        var user = await Clients.Users.GetUserAsync(id, Token);
        var unread = await Clients.Users.GetUnreadCountAsync(id, Token);
        var batch = await Clients.Users.GetUsersAsync([1, id], Token);
        var order = await Clients.Orders.GetOrderAsync(id, Token);
        var placed = await Clients.Orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderItem(id, 1)]), Token);
        var recommended = await Clients.Products.GetRecommendedAsync(id, cancellationToken: Token);
        var summaries = await Clients.Reviews.GetRatingSummariesAsync([id], Token);

        Assert.All(
            [user.Error, unread.Error, batch.Error, order.Error, placed.Error, recommended.Error, summaries.Error],
            e => Assert.Equal(ServiceErrorKind.BadRequest, e?.Kind));
        Assert.Null(user.Error?.Status);
        Assert.Equal(0, WireMock.CountRequests());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Out_of_range_limit_is_refused_without_a_request(int limit)
    {
        var result = await Clients.Users.ListUsersAsync(new(Limit: limit), Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal(0, WireMock.CountRequests());
    }

    [Fact]
    public async Task Empty_batch_answers_empty_without_a_request()
    {
        var result = await Clients.Users.GetUsersAsync([], Token);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Items);
        Assert.Equal(0, WireMock.CountRequests());
    }

    [Fact]
    public async Task Duplicate_ids_are_asked_once()
    {
        var result = await Clients.Users.GetUsersAsync([1, 2, 2, 99999999, 1], Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2], result.Value.Items.Select(u => u.Id));
    }

    [Fact]
    public async Task More_than_100_ids_are_split_into_calls_and_merged_in_order()
    {
        var ids = Enumerable.Range(1, 150).ToArray();
        var first = "/users?ids=" + string.Join(',', ids[..100]);
        var second = "/users?ids=" + string.Join(',', ids[100..]);
        WireMock.AddMapping(BatchMapping(ids[..100], 1, [.. ids[1..100]]));
        WireMock.AddMapping(BatchMapping(ids[100..], 101, [.. ids[101..]]));

        var result = await Clients.Users.GetUsersAsync(ids, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 101], result.Value.Items.Select(u => u.Id));
        Assert.Equal(148, result.Value.Missing.Count);
        Assert.Equal(1, WireMock.CountRequests("GET", first));
        Assert.Equal(1, WireMock.CountRequests("GET", second));
    }

    // A mapping that wins over the contracts (WireMock.Net: the lower priority wins, the contracts have the default 0).
    // The extras are JSON properties, each with its trailing comma.
    private static string Override(string method, string path, string response, string mappingExtra = "", string requestExtra = "") => $$"""
        { "Priority": -1, {{mappingExtra}}
          "Request": { {{requestExtra}} "Methods": [ "{{method}}" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "{{path}}" } ] } },
          "Response": {{response}} }
        """;

    private static string BatchMapping(int[] ids, int foundId, int[] missing) => $$"""
        { "Priority": -1,
          "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/users" } ] },
                       "Params": [ { "Name": "ids", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "{{string.Join(',', ids)}}" } ] } ] },
          "Response": { "StatusCode": 200, "Headers": { "Content-Type": "application/json" },
            "BodyAsJson": { "items": [ { "id": {{foundId}}, "username": "u{{foundId}}", "displayName": "U", "email": "u@example.com", "createdAt": "2024-01-01T00:00:00Z" } ],
                            "missing": [{{string.Join(',', missing)}}] } } }
        """;

    private sealed class TagHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Test-Chain", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
