using Microsoft.Extensions.Hosting;

namespace Bff.Edge.Caching;

/// <summary>
/// With a shared tier, polls Redis once a second for purges made through any instance's admin endpoint and drops
/// the matching entries from this instance's in-process tier, so a purge reaches every edge within about a second.
/// </summary>
internal sealed class CachePurgeListener(ResponseCache cache) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache.Shared is not { } shared)
        {
            return;
        }

        // Notices still in Redis from before this start are applied too: the local tier is (nearly) empty then, and
        // skipping them would lose a purge made while the first polls failed.
        var seen = 0L;
        using var timer = new PeriodicTimer(Interval, cache.TimeProvider);
        try
        {
            do
            {
                var (latest, prefixes) = await shared.ReadPurgesAsync(seen, stoppingToken).ConfigureAwait(false);
                if (prefixes is null)
                {
                    continue;
                }

                foreach (var prefix in prefixes)
                {
                    cache.Local.RemoveByPrefix(prefix);
                }

                seen = latest;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
