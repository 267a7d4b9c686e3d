using Bff.ServiceDefaults.Resilience.Hedging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Builds the pipeline of one service and destination (the handler selects it by authority, so each destination
/// has its own circuits; Polly's registry keeps it across handler recycling). Outermost first:
/// total timeout > hedging (when <c>AddHedging</c> was called) > retry (with budget) > ratio breaker > run breaker > attempt timeout, so every attempt, timed-out
/// ones included, is counted by the breakers, and an open circuit ends the retries.
/// </summary>
internal static class DownstreamPipeline
{
    private static readonly TimeSpan MinRunWindow = TimeSpan.FromMilliseconds(500);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context, string service)
    {
        var services = context.ServiceProvider;
        var settings = services.GetRequiredService<IOptionsMonitor<ResilienceOptions>>().Get(service);
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.ServiceDefaults.Resilience");
        var authority = context.InstanceName;
        builder.TimeProvider = timeProvider;

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = settings.TotalTimeout });
        if (services.GetService<ServiceHedges>() is { } hedges)
        {
            HedgingPipeline.Add(builder, hedges, service);
        }

        // Polly refuses MaxRetryAttempts = 0: no retry strategy at all is how retries are turned off.
        if (settings.MaxRetryAttempts > 0)
        {
            var budget = services.GetRequiredService<RetryBudgets>().For(service);
            var retry = new RetryDecision(settings, budget, timeProvider, logger, service, authority);
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(retry.ShouldRetry(args)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    ResilienceMetrics.Retry(service);
                    var method = args.Context.GetRequestMessage()?.Method.Method ?? "?";
                    ResilienceLog.Retrying(logger, method, service, authority, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, TransientOutcome.Describe(args.Outcome));
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(Breaker("breaker", settings.BreakerFailureRatio, settings.BreakerMinimumThroughput, settings.BreakerSamplingDuration, settings, logger, service, authority));
        if (settings.BreakerConsecutiveFailures > 0)
        {
            // A ratio of 1 over a short window: N failures and not one success since, whatever the long window holds.
            var window = settings.AttemptTimeout * 2 > MinRunWindow ? settings.AttemptTimeout * 2 : MinRunWindow;
            builder.AddCircuitBreaker(Breaker("run-breaker", 1.0, settings.BreakerConsecutiveFailures, window, settings, logger, service, authority));
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = settings.AttemptTimeout });
    }

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> Breaker(
        string name,
        double failureRatio,
        int minimumThroughput,
        TimeSpan samplingDuration,
        ResilienceOptions settings,
        ILogger logger,
        string service,
        string authority) => new()
        {
            Name = name,
            FailureRatio = failureRatio,
            MinimumThroughput = minimumThroughput,
            SamplingDuration = samplingDuration,
            BreakDuration = settings.BreakerBreakDuration,

            // A call the inner breaker turned away counts against the outer one too: it must not read as a success
            // that closes a half-open circuit.
            ShouldHandle = args => ValueTask.FromResult(TransientOutcome.IsFailure(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
            OnOpened = args =>
            {
                ResilienceMetrics.Circuit(service, authority, "open");
                ResilienceLog.CircuitOpened(logger, service, authority, args.BreakDuration.TotalMilliseconds, TransientOutcome.Describe(args.Outcome));
                return default;
            },
            OnHalfOpened = _ =>
            {
                ResilienceMetrics.Circuit(service, authority, "half_open");
                ResilienceLog.CircuitHalfOpened(logger, service, authority);
                return default;
            },
            OnClosed = _ =>
            {
                ResilienceMetrics.Circuit(service, authority, "closed");
                ResilienceLog.CircuitClosed(logger, service, authority);
                return default;
            },
        };
}
