using Bff.Edge.Configuration;
using Bff.Edge.LoadBalancing;

namespace Bff.Edge.Health;

/// <summary>
/// Live state of a cluster: its destinations, the ones available now, the balancing policy and passive health.
/// Survives a config reload when the cluster's config is unchanged, so health and counters carry over.
/// </summary>
internal sealed class ClusterState : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILoadBalancingPolicy _policy;
    private readonly List<ITimer> _reactivationTimers = [];
    private DestinationSet _available;
    private bool _disposed;

    public ClusterState(string id, ClusterConfig config, TimeProvider timeProvider)
    {
        Id = id;
        Config = config;
        _timeProvider = timeProvider;
        _policy = LoadBalancingPolicies.Create(config.LoadBalancingPolicy);
        HttpVersion = config.HttpVersion is "2" or "2.0" ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11;
        Destinations = config.Destinations!.Select(d => new DestinationState(d.Key, d.Value, HttpVersion == System.Net.HttpVersion.Version11)).ToArray();

        // HTTP/2 to an http:// destination can only be prior knowledge; for https ALPN may still settle on 1.1.
        VersionPolicy = HttpVersion == System.Net.HttpVersion.Version20
            ? HttpVersionPolicy.RequestVersionExact
            : HttpVersionPolicy.RequestVersionOrLower;
        _available = BuildAvailable();
    }

    public string Id { get; }

    public ClusterConfig Config { get; }

    public IReadOnlyList<DestinationState> Destinations { get; }

    public Version HttpVersion { get; }

    public HttpVersionPolicy VersionPolicy { get; }

    public DestinationSet Available => Volatile.Read(ref _available);

    /// <summary>A destination for the next request, or null when none is healthy.</summary>
    public DestinationState? PickDestination()
    {
        var available = Volatile.Read(ref _available);
        return available.Items.Length == 0 ? null : _policy.Pick(available);
    }

    /// <summary>
    /// Another destination than <paramref name="failed"/> for a retry, or null when none is healthy. Starts after the
    /// failed one in the available set so retries spread instead of piling on its neighbour's first slot.
    /// </summary>
    public DestinationState? PickOther(DestinationState failed)
    {
        var items = Volatile.Read(ref _available).Items;
        var start = Array.IndexOf(items, failed) + 1;
        for (var i = 0; i < items.Length; i++)
        {
            var candidate = items[(start + i) % items.Length];
            if (!ReferenceEquals(candidate, failed))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Passive health: a failed request counts toward ejection, a good one resets the count.</summary>
    public void ReportOutcome(DestinationState destination, bool failed)
    {
        var passive = Config.HealthCheck.Passive;
        if (!passive.Enabled)
        {
            return;
        }

        if (!failed)
        {
            destination.RecordSuccess();
            return;
        }

        if (destination.RecordFailure() >= passive.ConsecutiveFailures)
        {
            Eject(destination, passive.ReactivationPeriod);
        }
    }

    // Apart from ReportOutcome so the timer's closure is only allocated on ejection, not on every request.
    private void Eject(DestinationState destination, TimeSpan reactivationPeriod)
    {
        lock (_lock)
        {
            if (destination.Ejected || _disposed)
            {
                return;
            }

            destination.Ejected = true;
            destination.RecordSuccess();
            Volatile.Write(ref _available, BuildAvailable());
            ITimer? timer = null;
            timer = _timeProvider.CreateTimer(
                _ => Reactivate(destination, timer),
                null,
                reactivationPeriod,
                Timeout.InfiniteTimeSpan);
            _reactivationTimers.Add(timer);
        }
    }

    /// <summary>Active health: records a probe result; returns true when the destination's state changed.</summary>
    public bool ReportProbe(DestinationState destination, bool healthy)
    {
        lock (_lock)
        {
            if (destination.ActiveHealthy == healthy || _disposed)
            {
                return false;
            }

            destination.ActiveHealthy = healthy;
            Volatile.Write(ref _available, BuildAvailable());
            return true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var timer in _reactivationTimers)
            {
                timer.Dispose();
            }

            _reactivationTimers.Clear();
        }

        foreach (var destination in Destinations)
        {
            destination.Dispose();
        }
    }

    private void Reactivate(DestinationState destination, ITimer? timer)
    {
        lock (_lock)
        {
            if (timer is not null)
            {
                _reactivationTimers.Remove(timer);
                timer.Dispose();
            }

            if (_disposed)
            {
                return;
            }

            destination.Ejected = false;
            Volatile.Write(ref _available, BuildAvailable());
        }
    }

    private DestinationSet BuildAvailable()
    {
        var items = Destinations.Where(d => d.ActiveHealthy && !d.Ejected && d.Weight > 0).ToArray();
        return items.Length == 0 ? DestinationSet.Empty : new DestinationSet(items);
    }
}
