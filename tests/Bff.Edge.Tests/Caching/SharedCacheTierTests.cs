using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Bff.TestSupport.Redis;

namespace Bff.Edge.Tests.Caching;

/// <summary>Two edges sharing a real redis-server: what one stores the other serves, and Redis trouble costs no request.</summary>
public sealed class SharedCacheTierTests : IAsyncLifetime
{
    private const string AdminKey = "shared-tier-admin-key-42";
    private const string PublicHost = "shop.example";

    private RedisServerProcess _redis = null!;
    private TestUpstream _upstream = null!;
    private EdgeHost _edgeA = null!;
    private EdgeHost _edgeB = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);
        _upstream = await CachingUpstream.StartAsync();
        _edgeA = await EdgeHost.StartAsync(Config());
        _edgeB = await EdgeHost.StartAsync(Config());
    }

    public async ValueTask DisposeAsync()
    {
        await _edgeA.DisposeAsync();
        await _edgeB.DisposeAsync();
        await _upstream.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_miss_stored_by_edge_a_is_a_hit_on_edge_b()
    {
        var (missStatus, missBody) = await GetAsync(_edgeA, "/shared?x=1");
        await WaitForSharedKeysAsync(1);
        var (hitStatus, hitBody) = await GetAsync(_edgeB, "/shared?x=1");

        Assert.Equal("bff-edge; fwd=uri-miss; stored", missStatus);
        Assert.Equal("bff-edge; hit", hitStatus);
        Assert.Equal(missBody, hitBody);
        Assert.Equal(1, _upstream.Count);
    }

    [Fact]
    public async Task Vary_works_across_edges()
    {
        await GetAsync(_edgeA, "/v?vary=Accept-Language", "de");
        await WaitForSharedKeysAsync(2);
        var (status, body) = await GetAsync(_edgeB, "/v?vary=Accept-Language", "de");
        var (otherStatus, _) = await GetAsync(_edgeB, "/v?vary=Accept-Language", "fr");

        Assert.Equal("bff-edge; hit", status);
        Assert.EndsWith("lang=de", body, StringComparison.Ordinal);
        Assert.Equal("bff-edge; fwd=vary-miss; stored", otherStatus);
    }

    [Fact]
    public async Task A_purge_on_one_edge_empties_the_shared_tier()
    {
        await GetAsync(_edgeA, "/p1");
        await GetAsync(_edgeA, "/p2");
        await WaitForSharedKeysAsync(2);
        using var client = _edgeA.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/_edge/cache?route=r1&path=/p1");
        request.Headers.Add("X-Admin-Key", AdminKey);
        request.Headers.Host = PublicHost;

        using var purge = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var (p1, _) = await GetAsync(_edgeB, "/p1");
        var (p2, _) = await GetAsync(_edgeB, "/p2");

        Assert.Equal("{\"local\":1,\"shared\":1}", await purge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("bff-edge; fwd=uri-miss; stored", p1);
        Assert.Equal("bff-edge; hit", p2);
    }

    [Fact]
    public async Task A_purge_through_one_edge_reaches_the_other_edges_local_copy_within_seconds()
    {
        await GetAsync(_edgeA, "/copied");
        await WaitForSharedKeysAsync(1);
        Assert.Equal("bff-edge; hit", (await GetAsync(_edgeB, "/copied")).Status); // now in B's local tier too
        using var client = _edgeA.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/_edge/cache?route=r1");
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var purge = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, purge.StatusCode);

        // B hears of the purge on its pub/sub subscription; HEAD looks without filling the entry again.
        string? status = null;
        for (var attempt = 0; attempt < 30 && status != "bff-edge; fwd=uri-miss"; attempt++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = (await SendAsync(_edgeB, HttpMethod.Head, "/copied")).Status;
        }

        Assert.Equal("bff-edge; fwd=uri-miss", status);
    }

    [Fact]
    public async Task After_a_lost_connection_an_edge_drops_its_local_copies_since_purge_notices_may_have_been_missed()
    {
        await GetAsync(_edgeA, "/kept");
        await WaitForSharedKeysAsync(1);
        Assert.Equal("bff-edge; hit", (await GetAsync(_edgeB, "/kept")).Status); // now in B's local tier too

        await _redis.KillAsync();
        Assert.Equal("bff-edge; hit", (await SendAsync(_edgeB, HttpMethod.Head, "/kept")).Status);
        await _redis.StartAgainAsync(TestContext.Current.CancellationToken);

        // Once B is connected again its local copy is gone (and Redis restarted empty): a miss.
        string? status = null;
        for (var attempt = 0; attempt < 50 && status != "bff-edge; fwd=uri-miss"; attempt++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = (await SendAsync(_edgeB, HttpMethod.Head, "/kept")).Status;
        }

        Assert.Equal("bff-edge; fwd=uri-miss", status);
    }

    [Fact]
    public async Task With_redis_down_the_edge_still_answers_and_caches_locally()
    {
        await _redis.KillAsync();

        var (first, _) = await GetAsync(_edgeA, "/down");
        var (second, _) = await GetAsync(_edgeA, "/down");
        var (other, _) = await GetAsync(_edgeB, "/down");

        Assert.Equal("bff-edge; fwd=uri-miss; stored", first);
        // The client can have the whole first answer just before it is stored; the second request then waits for that
        // store (collapsed) instead of finding it (hit). Either way the cache answers, as the upstream count shows.
        Assert.Contains(second, new[] { "bff-edge; hit", "bff-edge; fwd=uri-miss; collapsed" });
        Assert.Equal("bff-edge; fwd=uri-miss; stored", other);
        Assert.Equal(2, _upstream.Count);
    }

    /// <summary>
    /// The client has the whole body a moment before the edge's write to Redis completes (the store runs after the
    /// last byte went out); wait for it, as a second client arriving later would.
    /// </summary>
    private async Task WaitForSharedKeysAsync(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var reply = await _redis.SendRawAsync("*1\r\n$6\r\nDBSIZE\r\n", TestContext.Current.CancellationToken);
            if (int.Parse(reply.AsSpan(1).TrimEnd("\r\n"), System.Globalization.CultureInfo.InvariantCulture) >= count)
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Redis did not get {count} keys within 2 s");
    }

    private JsonObject Config() => CachingUpstream.EdgeConfig(_upstream, caching: new JsonObject
    {
        // Generous: the machine running the tests may be loaded, and a timed-out command pauses the tier for 2 s.
        ["Redis"] = new JsonObject { ["Endpoint"] = _redis.Endpoint, ["CommandTimeout"] = "00:00:02" },
        ["Admin"] = new JsonObject { ["Key"] = AdminKey },
    });

    private static Task<(string? Status, string Body)> GetAsync(EdgeHost edge, string path, string? language = null) =>
        SendAsync(edge, HttpMethod.Get, path, language);

    private static async Task<(string? Status, string Body)> SendAsync(EdgeHost edge, HttpMethod method, string path, string? language = null)
    {
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(method, path);

        // Both edges behind one name, as behind a load balancer: the Host is part of the key.
        request.Headers.Host = PublicHost;
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (ResponseCacheTests.CacheStatusOf(response), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
