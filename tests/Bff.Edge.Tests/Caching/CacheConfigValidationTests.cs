using Bff.Edge.Caching;
using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Caching;

/// <summary>A bad <c>Cache</c> or <c>Caching</c> block fails the load with a message naming the key.</summary>
public sealed class CacheConfigValidationTests
{
    private const string Cluster = """ "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } """;

    [Fact]
    public void A_cache_block_loads_with_its_values_and_defaults()
    {
        var result = EdgeConfigLoader.Parse(Route("""{ "Ttl": "00:00:30", "MaxBodySize": 2048, "Public": true, "VaryByQuery": false }""") , "edge.json");

        Assert.Empty(result.Errors);
        var cache = result.Config!.Routes["r"].Cache!;
        Assert.Equal(new RouteCacheConfig { Ttl = TimeSpan.FromSeconds(30), MaxBodySize = 2048, Public = true, VaryByQuery = false }, cache);
        Assert.True(cache.Enabled);
        Assert.Equal(64 * 1024 * 1024, result.Config.Caching.MaxMemory);
        Assert.Null(result.Config.Caching.Redis);
    }

    [Theory]
    [InlineData("""{ "Ttl": "00:00:00" }""", "", "Routes.r.Cache.Ttl: must be a positive duration")]
    [InlineData("""{ "MaxBodySize": 0 }""", "", "Routes.r.Cache.MaxBodySize: must be positive")]
    [InlineData("""{ "MaxBodySize": 5000 }""", """, "Caching": { "MaxMemory": 4096 }""", "Routes.r.Cache.MaxBodySize: 5000 is more than Caching.MaxMemory (4096)")]
    [InlineData("{}", """, "Caching": { "MaxMemory": -1 }""", "Caching.MaxMemory: must be positive")]
    [InlineData("{}", """, "Caching": { "Redis": { } }""", "Caching.Redis.Endpoint: is required")]
    [InlineData("{}", """, "Caching": { "Redis": { "Endpoint": "nohost" } }""", "Caching.Redis.Endpoint 'nohost' is not host:port")]
    [InlineData("{}", """, "Caching": { "Redis": { "Endpoint": "h:1", "CommandTimeout": "00:00:00" } }""", "Caching.Redis.CommandTimeout must be between")]
    [InlineData("{}", """, "Caching": { "Redis": { "Endpoint": "h:1", "KeyPrefix": "" } }""", "Caching.Redis.KeyPrefix: must not be empty")]
    [InlineData("{}", """, "Caching": { "Admin": { "Key": "short" } }""", "Caching.Admin.Key: must be at least 16 characters")]
    public void Bad_values_are_reported_with_their_key(string cache, string caching, string expected)
    {
        var result = EdgeConfigLoader.Parse(Route(cache, caching), "edge.json");

        Assert.Null(result.Config);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_that_takes_no_get_cannot_cache()
    {
        var json = "{ \"Routes\": { \"r\": { \"ClusterId\": \"c\", \"Match\": { \"Path\": \"/x\", \"Methods\": [\"POST\"] }, \"Cache\": {} } }, " + Cluster + " }";

        var result = EdgeConfigLoader.Parse(json, "edge.json");

        Assert.Contains("edge.json: Routes.r.Cache: the route takes no GET or HEAD, so nothing could be cached", result.Errors);
    }

    [Theory]
    [InlineData("""{ "Tll": "00:00:30" }""", "", "$.Routes.r.Cache")]
    [InlineData("{}", """, "Caching": { "MaxMemmory": 1 }""", "$.Caching")]
    [InlineData("""{ "Ttl": "soon" }""", "", "$.Routes.r.Cache.Ttl")]
    public void Unknown_keys_and_bad_types_are_reported_with_their_path(string cache, string caching, string path)
    {
        var result = EdgeConfigLoader.Parse(Route(cache, caching), "edge.json");

        Assert.Contains(path, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    private static string Route(string cache, string caching = "") =>
        "{ \"Routes\": { \"r\": { \"ClusterId\": \"c\", \"Match\": { \"Path\": \"/x\" }, \"Cache\": " + cache + " } }, " + Cluster + caching + " }";
}
