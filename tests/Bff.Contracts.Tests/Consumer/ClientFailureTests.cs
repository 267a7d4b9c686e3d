using System.Diagnostics;
using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Bff.Contracts.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.WireMock;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Contracts.Tests.Consumer;

/// <summary>How the clients behave when the users service misbehaves (WireMock answers on top of the contracts).</summary>
[Collection("WireMock")]
public sealed class ClientFailureTests(WireMockFixture wireMock) : ConsumerTestBase(wireMock, "users")
{
    [Fact]
    public async Task Server_error_then_success_is_retried_to_success()
    {
        await WireMock.AddMappingAsync("""
            { "scenarioName": "flaky", "requiredScenarioState": "Started", "newScenarioState": "recovered", "priority": 1,
              "request": { "method": "GET", "url": "/users/1" },
              "response": { "status": 503 } }
            """, Token);

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("demo", result.Value.Username);
        Assert.Equal(2, await WireMock.CountRequestsAsync("GET", "/users/1", Token));
    }

    [Fact]
    public async Task Answer_slower_than_the_attempt_timeout_is_a_Timeout_result()
    {
        await using var clients = ClientHost.Create(WireMock.BaseAddress, new Dictionary<string, string?>
        {
            ["Resilience:users:AttemptTimeout"] = "00:00:00.300",
            ["Resilience:users:TotalTimeout"] = "00:00:03",
            ["Resilience:users:MaxRetryAttempts"] = "1",
        });
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/2" },
              "response": { "status": 200, "fixedDelayMilliseconds": 2000, "headers": { "Content-Type": "application/json" }, "jsonBody": { "id": 2 } } }
            """, Token);

        var watch = Stopwatch.StartNew();
        var result = await clients.Users.GetUserAsync(2, Token);

        Assert.Equal(ServiceErrorKind.Timeout, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.8), $"took {watch.Elapsed}");
        Assert.Equal(2, await EventuallyCountAsync("GET", "/users/2", 2));
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
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" }, "response": { "status": 500 } }
            """, Token);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(ServiceErrorKind.Unavailable, (await clients.Users.GetUserAsync(1, Token)).Error?.Kind);
        }

        var rejected = await clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.CircuitOpen, rejected.Error?.Kind);
        Assert.Null(rejected.Error?.Status);
        Assert.Equal(4, await WireMock.CountRequestsAsync("GET", "/users/1", Token));
    }

    [Fact]
    public async Task Post_is_not_retried()
    {
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "POST", "url": "/orders" }, "response": { "status": 503 } }
            """, Token);

        var result = await Clients.Orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderItem(1, 2)]), Token);

        Assert.Equal(ServiceErrorKind.Unavailable, result.Error?.Kind);
        Assert.Equal(503, result.Error?.Status);
        Assert.Equal(1, await WireMock.CountRequestsAsync("POST", "/orders", Token));
    }

    [Fact]
    public async Task Malformed_json_from_upstream_is_an_InvalidResponse_result()
    {
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" },
              "response": { "status": 200, "headers": { "Content-Type": "application/json" }, "body": "{\"id\": 1, \"username\": " } }
            """, Token);

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Equal(200, result.Error?.Status);
    }

    [Fact]
    public async Task Html_instead_of_json_is_an_InvalidResponse_result()
    {
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" },
              "response": { "status": 200, "headers": { "Content-Type": "text/html" }, "body": "<html>maintenance</html>" } }
            """, Token);

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task Broken_problem_body_still_gives_the_kind_from_the_status()
    {
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" },
              "response": { "status": 404, "headers": { "Content-Type": "application/problem+json" }, "body": "{oops" } }
            """, Token);

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Null(result.Error?.Problem);
    }

    [Theory]
    [InlineData("CONNECTION_RESET_BY_PEER")]
    [InlineData("EMPTY_RESPONSE")]
    [InlineData("MALFORMED_RESPONSE_CHUNK")]
    public async Task Broken_connection_is_retried_then_an_Unavailable_result(string fault)
    {
        await WireMock.AddMappingAsync($$"""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" }, "response": { "fault": "{{fault}}" } }
            """, Token);

        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.Unavailable, result.Error?.Kind);
        // At least the first attempt and two retries; SocketsHttpHandler itself resends once on a pooled
        // connection that closes before answering, so an empty response may be counted more often.
        Assert.True(await WireMock.CountRequestsAsync("GET", "/users/1", Token) >= 3);
    }

    [Fact]
    public async Task Body_dribbled_slower_than_the_attempt_timeout_is_a_Timeout_result()
    {
        await using var clients = ClientHost.Create(WireMock.BaseAddress, new Dictionary<string, string?>
        {
            ["Resilience:users:AttemptTimeout"] = "00:00:00.300",
            ["Resilience:users:MaxRetryAttempts"] = "0",
        });
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/2" },
              "response": { "status": 200, "headers": { "Content-Type": "application/json" },
                "body": "{\"id\": 2, \"username\": \"alice\", \"displayName\": \"Alice Martin\", \"email\": \"a@example.com\", \"createdAt\": \"2024-01-01T00:00:00Z\"}",
                "chunkedDribbleDelay": { "numberOfChunks": 5, "totalDuration": 3000 } } }
            """, Token);
        var watch = Stopwatch.StartNew();

        var result = await clients.Users.GetUserAsync(2, Token);

        Assert.Equal(ServiceErrorKind.Timeout, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
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
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1", "headers": { "X-Test-Chain": { "equalTo": "yes" } } },
              "response": { "status": 200, "headers": { "Content-Type": "application/json" },
                "jsonBody": { "id": 1, "username": "chained", "displayName": "D", "email": "d@example.com", "createdAt": "2024-01-01T00:00:00Z" } } }
            """, Token);

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

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        await WireMock.AddMappingAsync("""
            { "priority": 1, "request": { "method": "GET", "url": "/users/1" },
              "response": { "status": 200, "fixedDelayMilliseconds": 2000, "headers": { "Content-Type": "application/json" }, "jsonBody": { "id": 1 } } }
            """, Token);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Clients.Users.GetUserAsync(1, cancellation.Token));
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
        Assert.Equal(0, await WireMock.CountRequestsAsync(Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Out_of_range_limit_is_refused_without_a_request(int limit)
    {
        var result = await Clients.Users.ListUsersAsync(new(Limit: limit), Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal(0, await WireMock.CountRequestsAsync(Token));
    }

    [Fact]
    public async Task Empty_batch_answers_empty_without_a_request()
    {
        var result = await Clients.Users.GetUsersAsync([], Token);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Items);
        Assert.Equal(0, await WireMock.CountRequestsAsync(Token));
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
        await WireMock.AddMappingAsync(BatchMapping(first, 1, [.. ids[1..100]]), Token);
        await WireMock.AddMappingAsync(BatchMapping(second, 101, [.. ids[101..]]), Token);

        var result = await Clients.Users.GetUsersAsync(ids, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 101], result.Value.Items.Select(u => u.Id));
        Assert.Equal(148, result.Value.Missing.Count);
        Assert.Equal(1, await WireMock.CountRequestsAsync("GET", first, Token));
        Assert.Equal(1, await WireMock.CountRequestsAsync("GET", second, Token));
    }

    private static string BatchMapping(string url, int foundId, int[] missing) => $$"""
        { "priority": 1, "request": { "method": "GET", "url": "{{url}}" },
          "response": { "status": 200, "headers": { "Content-Type": "application/json" },
            "jsonBody": { "items": [ { "id": {{foundId}}, "username": "u{{foundId}}", "displayName": "U", "email": "u@example.com", "createdAt": "2024-01-01T00:00:00Z" } ],
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

    // WireMock may journal a delayed request only once it has answered it.
    private async Task<int> EventuallyCountAsync(string method, string url, int expected)
    {
        var count = 0;
        for (var i = 0; i < 40 && count < expected; i++)
        {
            count = await WireMock.CountRequestsAsync(method, url, Token);
            if (count < expected)
            {
                await Task.Delay(100, Token);
            }
        }

        return count;
    }
}
