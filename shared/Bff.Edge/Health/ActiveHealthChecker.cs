using Bff.Edge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Health;

/// <summary>
/// Probes the destinations of every cluster with active checks on: <c>GET {address}{path}</c> each interval, 2xx is
/// healthy. Follows config reloads: clusters that left stop being probed, new ones start.
/// </summary>
internal sealed class ActiveHealthChecker : BackgroundService
{
    private readonly EdgeConfigProvider _configProvider;
    private readonly HttpMessageInvoker _invoker;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ActiveHealthChecker> _logger;
    private readonly Dictionary<ClusterState, CancellationTokenSource> _probing = [];
    private readonly Lock _lock = new();
    private CancellationToken _stopping;

    public ActiveHealthChecker(EdgeConfigProvider configProvider, HttpMessageInvoker invoker, TimeProvider timeProvider, ILogger<ActiveHealthChecker> logger)
    {
        _configProvider = configProvider;
        _invoker = invoker;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override void Dispose()
    {
        lock (_lock)
        {
            foreach (var source in _probing.Values)
            {
                source.Cancel();
                source.Dispose();
            }

            _probing.Clear();
        }

        base.Dispose();
    }

    /// <summary>Probes one destination once and records the result.</summary>
    internal async Task ProbeAsync(ClusterState cluster, DestinationState destination, CancellationToken cancellationToken)
    {
        var active = cluster.Config.HealthCheck.Active;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(active.Timeout);
        bool healthy;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, destination.Address + active.Path);
            using var response = await _invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            healthy = false;
        }

        if (cluster.ReportProbe(destination, healthy))
        {
            Log.ActiveHealthChanged(_logger, cluster.Id, destination.Id, healthy ? "healthy" : "unhealthy");
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _configProvider.SnapshotChanged += Follow;
        stoppingToken.Register(() => _configProvider.SnapshotChanged -= Follow);
        Follow(_configProvider.Current);
        return Task.CompletedTask;
    }

    private void Follow(EdgeSnapshot snapshot)
    {
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            foreach (var (cluster, source) in _probing.ToArray())
            {
                if (!snapshot.Clusters.TryGetValue(cluster.Id, out var current) || !ReferenceEquals(current, cluster))
                {
                    source.Cancel();
                    source.Dispose();
                    _probing.Remove(cluster);
                }
            }

            foreach (var cluster in snapshot.Clusters.Values)
            {
                if (cluster.Config.HealthCheck.Active.Enabled && !_probing.ContainsKey(cluster))
                {
                    var source = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                    _probing[cluster] = source;
                    _ = ProbeLoopAsync(cluster, source.Token);
                }
            }
        }
    }

    private async Task ProbeLoopAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(cluster.Config.HealthCheck.Active.Interval, _timeProvider);
        try
        {
            do
            {
                await Task.WhenAll(cluster.Destinations.Select(d => ProbeAsync(cluster, d, cancellationToken))).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped by a reload or shutdown.
        }
    }
}
