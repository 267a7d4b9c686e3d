using Polly;

namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// Sits just inside the hedging strategy, so it times each hedged attempt as a whole (retries included) and feeds
/// the successful ones to the service's <see cref="LatencyWindow"/>, the source of the hedge delay.
/// </summary>
internal sealed class LatencyRecordingStrategy(LatencyWindow window, TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var started = timeProvider.GetTimestamp();
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is { IsSuccessStatusCode: true })
        {
            window.Add(timeProvider.GetElapsedTime(started));
        }

        return outcome;
    }
}
