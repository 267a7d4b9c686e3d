using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>
/// The cache's counters on <c>/metrics</c>. Alone in its collection, run with nothing in parallel: the metrics
/// pipeline listens to meters by name, so another in-process edge's cache hits would count here too.
/// </summary>
[Collection(nameof(CacheMetricsTests))]
[CollectionDefinition(nameof(CacheMetricsTests), DisableParallelization = true)]
public sealed class CacheMetricsTests
{
    [Fact]
    public async Task Lookups_and_stores_are_counted_on_the_metrics_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await CachingUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(upstream, new JsonObject { ["Ttl"] = "00:01:00", ["MaxBodySize"] = 65536 }));
        using var client = edge.CreateClient();

        (await client.GetAsync(new Uri("/m", UriKind.Relative), ct)).Dispose();

        // The answer reaches the client as it is captured, and the store ends just after: wait for it, or the
        // second request could be collapsed onto the first one's fetch instead of being a hit.
        var metrics = "";
        for (var attempt = 0; attempt < 50 && !metrics.Contains("bff_edge_cache_stored_total{} 1", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(20, ct);
            metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);
        }

        (await client.GetAsync(new Uri("/m", UriKind.Relative), ct)).Dispose();
        metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);

        Assert.Contains("bff_edge_cache_requests_total{result=\"hit\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("bff_edge_cache_requests_total{result=\"miss\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("bff_edge_cache_stored_total{} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("bff_edge_cache_local_entries", metrics, StringComparison.Ordinal);
    }
}
