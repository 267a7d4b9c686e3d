using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bff.Integration.Tests.ScaleOut;

namespace Bff.Integration.Tests.Replicas;

/// <summary>Replicas of a BFF are interchangeable: real processes behind a real edge, a crash and restarts under load.</summary>
public sealed class BffReplicasTests(ReplicasFixture suite) : IClassFixture<ReplicasFixture>, IAsyncLifetime
{
    private const string Body = """{ "items": [ { "productId": 3, "quantity": 1 } ] }""";
    private static readonly TimeSpan PlacementDeadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await suite.EnsureAllRunningAsync(CancellationToken.None);

    [Fact]
    public async Task Fifty_placements_each_retried_over_both_partner_replicas_place_one_order_each_with_identical_answers()
    {
        using var client = EdgeClient();
        var before = await OrdersPlacedAsync();
        var answers = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        var keys = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString()).ToArray();

        // Three attempts per key at once: round-robin sends them to both replicas, one places, the others get 409
        // while it runs and the replay after.
        await Parallel.ForEachAsync(keys.SelectMany(k => new[] { k, k, k }), new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = Ct }, async (key, ct) =>
            answers.GetOrAdd(key, _ => []).Add(await PlaceUntilAnsweredAsync(client, key, ct)));

        Assert.Equal(keys.Length, await OrdersPlacedAsync() - before);
        Assert.All(answers.Values, bodies => Assert.Single(bodies.Distinct(StringComparer.Ordinal)));
        TestContext.Current.TestOutputHelper?.WriteLine($"{keys.Length} keys x 3 attempts: {await OrdersPlacedAsync() - before} orders placed");
    }

    [Fact]
    public async Task Placements_during_a_redis_restart_fail_closed_and_each_key_places_once_when_retried()
    {
        using var client = EdgeClient();
        var before = await OrdersPlacedAsync();
        var keys = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var refused = 0;

        var burst = Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (key, ct) =>
            await PlaceUntilAnsweredAsync(client, key, ct, () => Interlocked.Increment(ref refused)));
        await Task.Delay(200, Ct);
        await suite.Redis.KillAsync();
        await Task.Delay(1000, Ct);
        await suite.Redis.StartAgainAsync(Ct);
        await burst;

        Assert.Equal(keys.Length, await OrdersPlacedAsync() - before);
        TestContext.Current.TestOutputHelper?.WriteLine($"{keys.Length} keys through a Redis restart: {refused} attempts refused with 503, {keys.Length} orders placed");
    }

    [Fact]
    public async Task Killing_a_mobile_replica_under_load_fails_no_request()
    {
        await using var load = SteadyLoad.Start(suite.Edge.BaseAddress, "mobile/home", suite.DemoToken, clients: 4);
        await load.WaitForMoreAsync(100, Ct);
        var killedAt = load.Now;
        await suite.Mobiles[1].KillAsync();
        await load.WaitForMoreAsync(300, Ct);
        var result = await load.StopAsync();

        TestContext.Current.TestOutputHelper?.WriteLine(result.Describe("SIGKILL of mobile-2"));
        Assert.True(result.SentAfter(killedAt) >= 300);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task A_rolling_restart_of_each_bff_kind_under_load_fails_no_request()
    {
        await using var mobile = SteadyLoad.Start(suite.Edge.BaseAddress, "mobile/home", suite.DemoToken, clients: 3);
        await using var partner = SteadyLoad.Start(suite.Edge.BaseAddress, "partner/v2/products?limit=5", suite.GoldToken, clients: 3);
        await mobile.WaitForMoreAsync(50, Ct);

        foreach (var replica in suite.Mobiles.Concat(suite.Partners))
        {
            await replica.StopAsync(TimeSpan.FromSeconds(30), Ct);
            await replica.StartAgainAsync(Ct);
            await Task.Delay(1000, Ct); // the edge's active check (every 250 ms) sees it ready again
        }

        await mobile.WaitForMoreAsync(50, Ct);
        var mobileResult = await mobile.StopAsync();
        var partnerResult = await partner.StopAsync();

        TestContext.Current.TestOutputHelper?.WriteLine(mobileResult.Describe("rolling restart, /mobile/home"));
        TestContext.Current.TestOutputHelper?.WriteLine(partnerResult.Describe("rolling restart, /partner/v2/products"));
        Assert.Empty(mobileResult.Failures);
        Assert.Empty(partnerResult.Failures);
    }

    // One partner's client: on 409 (in flight elsewhere) or 503 (store down) it waits and sends the same request again.
    private async Task<string> PlaceUntilAnsweredAsync(HttpClient client, string key, CancellationToken ct, Action? onRefused = null)
    {
        var deadline = DateTime.UtcNow + PlacementDeadline;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "partner/v2/orders") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", suite.GoldToken);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return body;
            }

            Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.True(DateTime.UtcNow < deadline, $"No answer for key {key} within {PlacementDeadline}; last {(int)response.StatusCode}: {body}");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                onRefused?.Invoke();
            }

            await Task.Delay(100, ct);
        }
    }

    private HttpClient EdgeClient() => new() { BaseAddress = suite.Edge.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private async Task<long> OrdersPlacedAsync()
    {
        using var client = new HttpClient { BaseAddress = suite.Orders };
        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("_stub/stats", UriKind.Relative), Ct));
        return stats.RootElement.GetProperty("routes").TryGetProperty("POST /orders", out var count) ? count.GetInt64() : 0L;
    }
}
