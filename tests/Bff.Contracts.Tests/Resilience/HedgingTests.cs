using System.Diagnostics;
using System.Net;

namespace Bff.Contracts.Tests.Resilience;

/// <summary>Polly hedging in the resilience pipeline (<c>AddHedging</c>) against a real Kestrel upstream.</summary>
public sealed class HedgingTests : IAsyncLifetime
{
    private FlakyUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _upstream = await FlakyUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Nothing_is_hedged_before_enough_latencies_were_seen()
    {
        await using var client = Create(new() { ["MinSamples"] = "5", ["MinDelay"] = "00:00:00.010", ["MaxDelay"] = "00:00:00.010" });
        await WarmUpAsync(client, 4);

        using var response = await client.Http.GetAsync("slow/early?ms=100", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _upstream.Requests("early"));
    }

    [Fact]
    public async Task Slow_call_gets_one_hedge_and_the_first_success_wins()
    {
        await using var client = Create(new() { ["MinSamples"] = "3", ["MinDelay"] = "00:00:00.020", ["MaxDelay"] = "00:00:00.020" });
        await WarmUpAsync(client, 3);
        var watch = Stopwatch.StartNew();

        // The first request hangs for 10 s, the hedge answers at once.
        using var response = await client.Http.GetAsync("slow/won?ms=10000&times=1", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _upstream.Requests("won"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Fast_call_is_not_hedged()
    {
        await using var client = Create(new() { ["MinSamples"] = "3", ["MinDelay"] = "00:00:00.200", ["MaxDelay"] = "00:00:00.200" });
        await WarmUpAsync(client, 3);

        using var response = await client.Http.GetAsync("fail/fast?times=0", Token);

        Assert.Equal(1, _upstream.Requests("fast"));
    }

    [Fact]
    public async Task Failed_first_answer_waits_for_the_other_attempt()
    {
        await using var client = Create(new() { ["MinSamples"] = "3", ["MinDelay"] = "00:00:00.020", ["MaxDelay"] = "00:00:00.020" });
        await WarmUpAsync(client, 3);

        // The first request answers 200 after 150 ms; the hedge fails at once with a 503.
        using var response = await client.Http.GetAsync("slowfirst/other?ms=150", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _upstream.Requests("other"));
    }

    [Fact]
    public async Task Failure_before_the_hedge_delay_is_the_answer_without_a_hedge()
    {
        await using var client = Create(new() { ["MinSamples"] = "3", ["MinDelay"] = "00:00:00.200", ["MaxDelay"] = "00:00:00.200" });
        await WarmUpAsync(client, 3);

        using var response = await client.Http.GetAsync("fail/down?times=10", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _upstream.Requests("down"));
    }

    [Fact]
    public async Task Post_is_never_hedged()
    {
        await using var client = Create(new() { ["MinSamples"] = "3", ["MinDelay"] = "00:00:00.010", ["MaxDelay"] = "00:00:00.010" });
        await WarmUpAsync(client, 3);

        using var content = new StringContent("{}");
        using var response = await client.Http.PostAsync("slow/post?ms=100", content, Token);

        Assert.Equal(1, _upstream.Requests("post"));
    }

    [Fact]
    public async Task Budget_bounds_the_hedges()
    {
        await using var client = Create(new()
        {
            ["MinSamples"] = "3",
            ["MinDelay"] = "00:00:00.010",
            ["MaxDelay"] = "00:00:00.010",
            ["BudgetRatio"] = "0",
            ["BudgetMinPerSecond"] = "1",
            ["BudgetWindow"] = "00:01:00",
        });
        await WarmUpAsync(client, 3);

        // 60 hedges allowed in the window (1 per second for a minute); ask for more.
        for (var i = 0; i < 62; i++)
        {
            using var response = await client.Http.GetAsync("slow/budget?ms=40", Token);
        }

        Assert.Equal(62 + 60, _upstream.Requests("budget"));
    }

    private ResilientClient Create(Dictionary<string, string?> hedging) =>
        ResilientClient.Create(_upstream.BaseAddress, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "0" }, hedging: hedging);

    private static async Task WarmUpAsync(ResilientClient client, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            using var response = await client.Http.GetAsync("fail/warm?times=0", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
