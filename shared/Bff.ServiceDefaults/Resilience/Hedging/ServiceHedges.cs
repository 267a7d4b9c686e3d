using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// The observed latencies and the hedge budget of each service. A singleton registered by <c>AddHedging</c>: its
/// presence is what puts the hedging strategy into the services' pipelines.
/// </summary>
internal sealed class ServiceHedges(IOptions<HedgingOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ServiceLatency> _services = new(StringComparer.Ordinal);

    public HedgingOptions Options => options.Value;

    public TimeProvider TimeProvider => timeProvider;

    public ServiceLatency For(string service) =>
        _services.GetOrAdd(service, static (_, self) => new ServiceLatency(
            new LatencyWindow(self.Options.WindowSize),
            new HedgeBudget(self.Options, self.TimeProvider)), this);

    /// <summary>The delay after which a read of <paramref name="service"/> is hedged now, or null when it is not.</summary>
    public TimeSpan? HedgeDelay(string service)
    {
        var settings = Options;
        var window = For(service).Window;
        if (!settings.Enabled || window.Count < settings.MinSamples)
        {
            return null;
        }

        var percentile = window.Percentile(settings.Percentile) ?? settings.MaxDelay;
        return TimeSpan.FromTicks(Math.Clamp(percentile.Ticks, settings.MinDelay.Ticks, settings.MaxDelay.Ticks));
    }

    internal sealed record ServiceLatency(LatencyWindow Window, HedgeBudget Budget);
}
