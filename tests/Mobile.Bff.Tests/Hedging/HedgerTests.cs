using Bff.Clients.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mobile.Bff.Hedging;
using Mobile.Bff.Metrics;

namespace Mobile.Bff.Tests.Hedging;

public sealed class HedgerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Nothing_is_hedged_before_enough_latencies_were_seen()
    {
        var hedger = Create(new HedgingOptions { MinSamples = 5 });
        var calls = 0;

        var result = await hedger.ExecuteAsync("products", async ct =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(100, ct);
            return ServiceResult<string>.Success("slow");
        }, TestContext.Current.CancellationToken);

        Assert.Equal("slow", result.Value);
        Assert.Equal(1, calls);
        Assert.Null(hedger.HedgeDelay("products"));
    }

    [Fact]
    public async Task Hedge_delay_follows_the_observed_p95_within_its_bounds()
    {
        var hedger = Create(new HedgingOptions { MinSamples = 3, MinDelay = TimeSpan.FromMilliseconds(30), MaxDelay = TimeSpan.FromMilliseconds(80) });
        await WarmUpAsync(hedger, "users", 3, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(30), hedger.HedgeDelay("users"));

        await WarmUpAsync(hedger, "orders", 3, TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(80), hedger.HedgeDelay("orders"));
    }

    [Fact]
    public async Task Slow_call_gets_one_hedge_and_the_first_success_wins()
    {
        var hedger = Create(new HedgingOptions { MinSamples = 3, MinDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(20) });
        await WarmUpAsync(hedger, "products", 3, TimeSpan.Zero);
        var calls = 0;
        var primaryCancelled = new TaskCompletionSource();

        var result = await hedger.ExecuteAsync("products", async ct =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                using var registration = ct.Register(() => primaryCancelled.TrySetResult());
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                return ServiceResult<string>.Success("primary");
            }

            return ServiceResult<string>.Success("hedge");
        }, TestContext.Current.CancellationToken);

        Assert.Equal("hedge", result.Value);
        Assert.Equal(2, calls);
        await primaryCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Fast_call_is_not_hedged()
    {
        var hedger = Create(new HedgingOptions { MinSamples = 3, MinDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromMilliseconds(200) });
        await WarmUpAsync(hedger, "reviews", 3, TimeSpan.Zero);
        var calls = 0;

        await hedger.ExecuteAsync("reviews", _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(ServiceResult<string>.Success("fast"));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Failed_first_answer_waits_for_the_other_attempt()
    {
        var hedger = Create(new HedgingOptions { MinSamples = 3, MinDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(20) });
        await WarmUpAsync(hedger, "orders", 3, TimeSpan.Zero);
        var calls = 0;

        var result = await hedger.ExecuteAsync("orders", async ct =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(150, ct);
                return ServiceResult<string>.Success("primary");
            }

            return ServiceResult<string>.Failure(new ServiceError(ServiceErrorKind.Unavailable, "orders", "down"));
        }, TestContext.Current.CancellationToken);

        Assert.Equal("primary", result.Value);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Budget_bounds_the_hedges()
    {
        var hedger = Create(new HedgingOptions
        {
            MinSamples = 3,
            MinDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(10),
            BudgetRatio = 0,
            BudgetMinPerSecond = 1,
            BudgetWindow = TimeSpan.FromMinutes(1),
        });
        await WarmUpAsync(hedger, "users", 3, TimeSpan.Zero);
        var calls = 0;

        // 60 hedges allowed in the window (1 per second for a minute); ask for more.
        for (var i = 0; i < 62; i++)
        {
            await hedger.ExecuteAsync("users", async ct =>
            {
                Interlocked.Increment(ref calls);
                await Task.Delay(40, ct);
                return ServiceResult<string>.Success("slow");
            }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(62 + 60, calls);
    }

    private Hedger Create(HedgingOptions options) =>
        new(Options.Create(options), TimeProvider.System, new MobileMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));

    private static async Task WarmUpAsync(Hedger hedger, string service, int calls, TimeSpan latency)
    {
        for (var i = 0; i < calls; i++)
        {
            await hedger.ExecuteAsync(service, async ct =>
            {
                await Task.Delay(latency, ct);
                return ServiceResult<string>.Success("warm");
            }, TestContext.Current.CancellationToken);
        }
    }
}
