using System.Net;
using Bff.TestSupport.Redis;
using Partner.Bff.Tests.Support;
using static Partner.Bff.Tests.Support.PartnerRequests;

namespace Partner.Bff.Tests.Integration;

/// <summary>Two partner BFFs sharing a real redis-server (<c>RateLimiting:Backend=redis</c>), as two replicas behind the edge.</summary>
public sealed class SharedIdempotencyTests(StubsFixture stubs, EdgeKeys keys) : IAsyncLifetime
{
    private const string Body = """{ "items": [ { "productId": 3, "quantity": 2 } ] }""";
    private RedisServerProcess? _redis;
    private PartnerBffHost? _first;
    private PartnerBffHost? _second;

    public async ValueTask InitializeAsync()
    {
        await stubs.StartAsync();
        await stubs.ResetStatsAsync();
        _redis = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);
        var shared = new Dictionary<string, string?> { ["RateLimiting:Backend"] = "redis", ["RateLimiting:Redis:Endpoint"] = _redis.Endpoint };
        _first = PartnerBffHost.Start(keys, stubs.Orders, stubs.Products, shared);
        _second = PartnerBffHost.Start(keys, stubs.Orders, stubs.Products, shared);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _first, _second })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_key_used_on_one_replica_is_replayed_by_the_other_and_another_body_is_422_on_both()
    {
        var key = Guid.NewGuid().ToString();
        using var first = _first!.CreateRealClient();
        using var second = _second!.CreateRealClient();

        using var placed = await first.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, key));
        using var replayed = await second.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, key));
        using var otherHere = await first.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 3, "quantity": 9 } ] }""", key));
        using var otherThere = await second.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 3, "quantity": 9 } ] }""", key));

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(placed.Headers.Location, replayed.Headers.Location);
        Assert.Equal(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        await AssertProblemAsync(otherHere, 422, "idempotency_key_reused");
        await AssertProblemAsync(otherThere, 422, "idempotency_key_reused");
        Assert.Equal(1, (await stubs.StatsAsync(stubs.Orders)).Routes["POST /orders"]);
    }

    [Fact]
    public async Task Readyz_names_the_redis_store()
    {
        using var client = _first!.CreateRealClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains(ready.Headers.GetValues("Readiness-Detail"), d => d.StartsWith($"idempotency-store: redis 127.0.0.1:{_redis!.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_redis_down_placements_fail_closed_with_503_and_reads_still_answer()
    {
        using var client = _first!.CreateRealClient();
        await _redis!.KillAsync();

        using var placement = await client.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, Guid.NewGuid().ToString()));
        using var read = await client.CallAsync(Get("/partner/v2/orders?limit=2", keys.Gold()));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(placement, 503, "idempotency_store_unavailable");
        Assert.Equal("1", placement.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False((await stubs.StatsAsync(stubs.Orders)).Routes.ContainsKey("POST /orders"));
    }

    [Fact]
    public async Task Placements_work_again_once_redis_is_back()
    {
        using var client = _first!.CreateRealClient();
        await _redis!.KillAsync();
        using var refused = await client.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, Guid.NewGuid().ToString()));
        await _redis.StartAgainAsync(TestContext.Current.CancellationToken);

        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 50 && status == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            using var retry = await client.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, Guid.NewGuid().ToString()));
            status = retry.StatusCode;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, status);
    }
}
