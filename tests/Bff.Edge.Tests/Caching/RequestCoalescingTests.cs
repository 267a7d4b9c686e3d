using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>Concurrent misses for one key cost one upstream call.</summary>
public sealed class RequestCoalescingTests
{
    [Fact]
    public async Task Two_hundred_concurrent_misses_cost_exactly_one_upstream_call()
    {
        await using var upstream = await CachingUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(upstream));
        using var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 200 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(edge.HttpUrl), Timeout = TimeSpan.FromSeconds(30) };

        // The upstream takes 500 ms, so all 200 arrive while the first fetch is in flight.
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await client.GetAsync("/slow?delay=500", TestContext.Current.CancellationToken);
            return (Status: ResponseCacheTests.CacheStatusOf(response), Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));

        Assert.Equal(1, upstream.Count);
        Assert.All(responses, r => Assert.Equal("n=1 xfh=" + new Uri(edge.HttpUrl).Authority + " auth= lang=", r.Body));
        Assert.Single(responses, r => r.Status == "bff-edge; fwd=uri-miss; stored");
        Assert.Equal(199, responses.Count(r => r.Status is "bff-edge; fwd=uri-miss; collapsed" or "bff-edge; hit"));
    }

    [Fact]
    public async Task Waiters_fetch_on_their_own_when_the_answer_cannot_be_stored()
    {
        await using var upstream = await CachingUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(upstream));
        using var client = edge.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetAsync("/nostore?delay=300&cc=no-store", TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5, upstream.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
