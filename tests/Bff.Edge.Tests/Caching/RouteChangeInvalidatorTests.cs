using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>A hot reload drops the entries of routes whose config changed, and only those.</summary>
public sealed class RouteChangeInvalidatorTests
{
    [Fact]
    public async Task A_changed_route_loses_its_entries_and_an_unchanged_one_keeps_them()
    {
        await using var upstream = await CachingUpstream.StartAsync();
        var config = CachingUpstream.EdgeConfig(upstream);
        config["Routes"]!["r2"] = new JsonObject { ["ClusterId"] = "c1", ["Order"] = -1, ["Match"] = new JsonObject { ["Path"] = "/two/{**rest}" }, ["Cache"] = new JsonObject() };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();
        await StatusAsync(client, "/one");
        await StatusAsync(client, "/two/x");

        config["Routes"]!["r1"]!["Cache"]!["Ttl"] = "00:00:20";
        await edge.WriteConfigAsync(config.ToJsonString());
        Assert.True(edge.ConfigProvider.Reload());

        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusAsync(client, "/one"));
        Assert.Equal("bff-edge; hit", await StatusAsync(client, "/two/x"));
    }

    private static async Task<string?> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return ResponseCacheTests.CacheStatusOf(response);
    }
}
