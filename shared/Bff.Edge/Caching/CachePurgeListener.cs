using Microsoft.Extensions.Hosting;

namespace Bff.Edge.Caching;

/// <summary>
/// With a shared tier, subscribes to the purges made through any instance's admin endpoint and drops the matching
/// entries from this instance's in-process tier as each notice arrives (and everything after a lost connection, when
/// notices may have been missed).
/// </summary>
internal sealed class CachePurgeListener(ResponseCache cache) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        cache.Shared is { } shared
            ? shared.SubscribeToPurgesAsync(prefix => cache.Local.RemoveByPrefix(prefix), stoppingToken)
            : Task.CompletedTask;
}
