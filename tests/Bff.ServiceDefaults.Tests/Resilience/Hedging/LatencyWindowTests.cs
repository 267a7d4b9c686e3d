using Bff.ServiceDefaults.Resilience.Hedging;

namespace Bff.ServiceDefaults.Tests.Resilience.Hedging;

public sealed class LatencyWindowTests
{
    [Fact]
    public void Percentile_is_the_nearest_rank_of_the_window()
    {
        var window = new LatencyWindow(100);
        for (var ms = 1; ms <= 100; ms++)
        {
            window.Add(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(95), window.Percentile(0.95));
        Assert.Equal(TimeSpan.FromMilliseconds(50), window.Percentile(0.5));
    }

    [Fact]
    public void Newest_latencies_replace_the_oldest()
    {
        var window = new LatencyWindow(16);
        for (var i = 0; i < 16; i++)
        {
            window.Add(TimeSpan.FromMilliseconds(500));
        }

        for (var i = 0; i < 16; i++)
        {
            window.Add(TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal(16, window.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(5), window.Percentile(0.99));
    }

    [Fact]
    public void Empty_window_has_no_percentile() => Assert.Null(new LatencyWindow(16).Percentile(0.95));
}
