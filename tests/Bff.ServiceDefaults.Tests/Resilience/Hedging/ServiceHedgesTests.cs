using Bff.ServiceDefaults.Resilience.Hedging;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Tests.Resilience.Hedging;

public sealed class ServiceHedgesTests
{
    [Fact]
    public void Hedge_delay_follows_the_observed_p95_within_its_bounds()
    {
        var hedges = new ServiceHedges(
            Options.Create(new HedgingOptions { MinSamples = 3, MinDelay = TimeSpan.FromMilliseconds(30), MaxDelay = TimeSpan.FromMilliseconds(80) }),
            TimeProvider.System);
        Assert.Null(hedges.HedgeDelay("users"));

        Observe(hedges, "users", 3, TimeSpan.Zero);
        Observe(hedges, "orders", 3, TimeSpan.FromMilliseconds(200));
        Observe(hedges, "products", 3, TimeSpan.FromMilliseconds(50));

        Assert.Equal(TimeSpan.FromMilliseconds(30), hedges.HedgeDelay("users"));
        Assert.Equal(TimeSpan.FromMilliseconds(80), hedges.HedgeDelay("orders"));
        Assert.Equal(TimeSpan.FromMilliseconds(50), hedges.HedgeDelay("products"));
    }

    [Fact]
    public void Disabled_hedging_has_no_delay()
    {
        var hedges = new ServiceHedges(Options.Create(new HedgingOptions { Enabled = false, MinSamples = 1 }), TimeProvider.System);

        Observe(hedges, "users", 5, TimeSpan.FromMilliseconds(20));

        Assert.Null(hedges.HedgeDelay("users"));
    }

    private static void Observe(ServiceHedges hedges, string service, int calls, TimeSpan latency)
    {
        for (var i = 0; i < calls; i++)
        {
            hedges.For(service).Window.Add(latency);
        }
    }
}
