using Polly;
using Polly.Hedging;

namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// Adds Polly's hedging strategy for one service: a GET that has not answered after the service's observed
/// percentile (clamped to <see cref="HedgingOptions.MinDelay"/>..<see cref="HedgingOptions.MaxDelay"/>) gets one more
/// identical attempt, within the service's <see cref="HedgeBudget"/>; the first success wins and the other attempt
/// is cancelled; a failure that arrives once the hedge is out waits for the other attempt. Nothing is hedged until
/// <see cref="HedgingOptions.MinSamples"/> latencies were seen.
/// </summary>
internal static class HedgingPipeline
{
    // Per call, on the caller's context (which the delay and action generators see).
    private static readonly ResiliencePropertyKey<bool> Counted = new("Bff.Hedging.Counted");
    private static readonly ResiliencePropertyKey<bool> Declined = new("Bff.Hedging.Declined");

    // On the request itself: each attempt's context is a copy taken when it starts, but they share the request.
    private static readonly HttpRequestOptionsKey<bool> Launched = new("Bff.Hedging.Launched");

    public static void Add(ResiliencePipelineBuilder<HttpResponseMessage> builder, ServiceHedges hedges, string service)
    {
        var latency = hedges.For(service);
        builder.AddHedging(new HedgingStrategyOptions<HttpResponseMessage>
        {
            Name = "hedging",
            MaxHedgedAttempts = 1,
            ShouldHandle = args =>
            {
                var failed = args.Outcome.Exception is not null || args.Outcome.Result is { IsSuccessStatusCode: false };
                if (args.AttemptNumber > 0 && !failed && args.Outcome.Result is not null)
                {
                    ResilienceMetrics.Hedge(service, "won");
                }

                // A failure before any hedge went out is the answer, as without hedging.
                var hedged = args.AttemptNumber > 0
                    || (args.Context.GetRequestMessage()?.Options.TryGetValue(Launched, out var launched) == true && launched);
                return ValueTask.FromResult(failed && hedged);
            },
            DelayGenerator = args =>
            {
                var context = args.Context;
                if (!context.Properties.TryGetValue(Counted, out _))
                {
                    context.Properties.Set(Counted, true);
                    latency.Budget.RecordCall();
                }

                var request = context.GetRequestMessage();
                var delay = request is null || !IsRead(request.Method) || context.Properties.TryGetValue(Declined, out _)
                    ? null
                    : hedges.HedgeDelay(service);
                return ValueTask.FromResult(delay ?? Timeout.InfiniteTimeSpan);
            },
            ActionGenerator = args =>
            {
                if (!latency.Budget.TryAcquire())
                {
                    ResilienceMetrics.Hedge(service, "denied");
                    args.PrimaryContext.Properties.Set(Declined, true);
                    return null;
                }

                ResilienceMetrics.Hedge(service, "sent");
                var primary = args.PrimaryContext.GetRequestMessage()!;
                primary.Options.Set(Launched, true);
                args.ActionContext.SetRequestMessage(Copy(primary));
                return () => args.Callback(args.ActionContext);
            },
        });
        builder.AddStrategy(_ => new LatencyRecordingStrategy(latency.Window, hedges.TimeProvider), new LatencyRecordingOptions());
    }

    // Only bodiless reads are hedged, so the copy needs no content.
    private static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }

    private sealed class LatencyRecordingOptions : ResilienceStrategyOptions;
}
