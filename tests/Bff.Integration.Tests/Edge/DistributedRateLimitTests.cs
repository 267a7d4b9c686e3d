using System.Net;
using System.Text.Json.Nodes;
using Bff.Integration.Tests.Support;
using Bff.TestSupport.Redis;

namespace Bff.Integration.Tests.Edge;

/// <summary>Two real edge processes sharing one real redis-server enforce one limit, and survive Redis going away.</summary>
public sealed class DistributedRateLimitTests : IAsyncLifetime
{
    private const int Quota = 20;
    private RedisServerProcess _redis = null!;
    private RecordingUpstream _upstream = null!;
    private EdgeProcess _first = null!;
    private EdgeProcess _second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync(Ct);
        _upstream = await RecordingUpstream.StartAsync();
        _first = await EdgeProcess.StartAsync(Config(), Ct);
        _second = await EdgeProcess.StartAsync(Config(), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var edge in new[] { _first, _second })
        {
            if (edge is not null)
            {
                await edge.DisposeAsync();
            }
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_edges_enforce_one_global_limit_and_fail_open_while_redis_is_down()
    {
        // Shared: 30 requests spread over both edges take exactly the one quota.
        var shared = await SendAlternatingAsync(30, "a");
        Assert.Equal(Quota, shared.Count(s => s == HttpStatusCode.OK));
        Assert.All(shared, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));

        // Redis gone: fail-open to each edge's own limiter, which still limits (a fresh local quota, then 429).
        await _redis.KillAsync();
        var local = new List<HttpStatusCode>();
        for (var i = 0; i < Quota + 5; i++)
        {
            local.Add(await GetAsync(_first, $"/shared/b{i}"));
        }

        Assert.Equal(Quota, local.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, local[^1]);

        // Redis back (empty): once the probe sees it, the limit is global again. The first edge's local quota is
        // spent, so only a shared counter lets both edges together serve a whole quota again.
        await _redis.StartAgainAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var resumed = await SendAlternatingAsync(30, "c");
        Assert.Equal(Quota, resumed.Count(s => s == HttpStatusCode.OK));
    }

    private async Task<List<HttpStatusCode>> SendAlternatingAsync(int count, string tag)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add(await GetAsync(i % 2 == 0 ? _first : _second, $"/shared/{tag}{i}"));
        }

        return statuses;
    }

    private static async Task<HttpStatusCode> GetAsync(EdgeProcess edge, string path)
    {
        using var response = await edge.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    private JsonObject Config() => new()
    {
        ["RateLimiting"] = new JsonObject
        {
            ["Backend"] = "redis",
            ["Redis"] = new JsonObject { ["Endpoint"] = _redis.Endpoint },
            ["RedisFailure"] = "open",
            ["RedisProbeInterval"] = "00:00:00.200",
            ["Policies"] = new JsonObject { ["shared"] = new JsonObject { ["Limit"] = Quota, ["Period"] = "00:30:00", ["Burst"] = Quota } },
        },
        ["Routes"] = new JsonObject
        {
            ["shared"] = new JsonObject
            {
                ["ClusterId"] = "up",
                ["Match"] = new JsonObject { ["Path"] = "/shared/{**rest}" },
                ["RateLimit"] = new JsonObject { ["Policy"] = "shared", ["PartitionBy"] = "ClientAddress" },
            },
        },
        ["Clusters"] = new JsonObject
        {
            ["up"] = new JsonObject { ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = _upstream.Url } } },
        },
    };
}
