using System.Collections.Concurrent;
using Bff.Clients.Results;
using Microsoft.Extensions.Options;
using Mobile.Bff.Metrics;

namespace Mobile.Bff.Hedging;

/// <summary>
/// Hedged idempotent reads: when a call has not answered after the service's observed p95 (clamped to
/// <see cref="HedgingOptions.MinDelay"/>..<see cref="HedgingOptions.MaxDelay"/>), a second, identical call is
/// sent and the first success wins; the other is cancelled. At most one hedge per call, within the service's
/// <see cref="HedgeBudget"/>, and none until <see cref="HedgingOptions.MinSamples"/> latencies were seen.
/// Only for reads: callers pass GETs alone.
/// </summary>
internal sealed class Hedger(IOptions<HedgingOptions> options, TimeProvider time, MobileMetrics metrics)
{
    private readonly ConcurrentDictionary<string, ServiceLatency> _services = new(StringComparer.Ordinal);

    /// <summary>The delay after which a call to <paramref name="service"/> is hedged now, or null when it is not.</summary>
    public TimeSpan? HedgeDelay(string service)
    {
        var settings = options.Value;
        var latency = For(service);
        if (!settings.Enabled || latency.Window.Count < settings.MinSamples)
        {
            return null;
        }

        var percentile = latency.Window.Percentile(settings.Percentile) ?? settings.MaxDelay;
        return TimeSpan.FromTicks(Math.Clamp(percentile.Ticks, settings.MinDelay.Ticks, settings.MaxDelay.Ticks));
    }

    public async Task<ServiceResult<T>> ExecuteAsync<T>(string service, Func<CancellationToken, Task<ServiceResult<T>>> call, CancellationToken cancellationToken)
    {
        var latency = For(service);
        latency.Budget.RecordCall();
        var delay = HedgeDelay(service);
        using var primaryCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var primary = TimedAsync(latency, call, primaryCancel.Token);
        if (delay is null)
        {
            return await primary.ConfigureAwait(false);
        }

        using (var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var timer = Task.Delay(delay.Value, time, delayCancel.Token);
            if (await Task.WhenAny(primary, timer).ConfigureAwait(false) == primary)
            {
                await delayCancel.CancelAsync().ConfigureAwait(false);
                return await primary.ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!latency.Budget.TryAcquire())
        {
            metrics.RecordHedge(service, "denied");
            return await primary.ConfigureAwait(false);
        }

        metrics.RecordHedge(service, "sent");
        using var hedgeCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hedge = TimedAsync(latency, call, hedgeCancel.Token);
        var first = await Task.WhenAny(primary, hedge).ConfigureAwait(false);
        var second = first == primary ? hedge : primary;
        var result = await first.ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            // The first to answer failed: the other may still succeed, so it is worth its remaining time.
            var other = await second.ConfigureAwait(false);
            result = other.IsSuccess ? other : result;
            first = other.IsSuccess ? second : first;
        }
        else
        {
            await (second == primary ? primaryCancel : hedgeCancel).CancelAsync().ConfigureAwait(false);
            _ = Observe(second);
        }

        if (first == hedge && result.IsSuccess)
        {
            metrics.RecordHedge(service, "won");
        }

        return result;
    }

    private static async Task Observe<T>(Task<ServiceResult<T>> cancelled)
    {
        try
        {
            await cancelled.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race, cancelled on purpose.
        }
    }

    private async Task<ServiceResult<T>> TimedAsync<T>(ServiceLatency latency, Func<CancellationToken, Task<ServiceResult<T>>> call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = await call(cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            latency.Window.Add(time.GetElapsedTime(started));
        }

        return result;
    }

    private ServiceLatency For(string service) =>
        _services.GetOrAdd(service, _ => new ServiceLatency(
            new LatencyWindow(options.Value.WindowSize),
            new HedgeBudget(options.Value, time)));

    private sealed record ServiceLatency(LatencyWindow Window, HedgeBudget Budget);
}
