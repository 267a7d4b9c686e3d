using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Holds the pipelines (one per service and destination authority, so each destination has its own circuit)
/// and the retry budgets (one per service). A singleton: the handlers built by <c>IHttpClientFactory</c>
/// are recycled every few minutes, and the circuit state must outlive them.
/// </summary>
internal sealed class DownstreamPipelines
{
    /// <summary>The request of the current call, for predicates that depend on its method.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Bff.Resilience.Request");

    private readonly ConcurrentDictionary<(string Service, string Authority), ResiliencePipeline<HttpResponseMessage>> _pipelines = new();
    private readonly ConcurrentDictionary<string, RetryBudget> _budgets = new(StringComparer.OrdinalIgnoreCase);
    private readonly IOptionsMonitor<ResilienceOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public DownstreamPipelines(IOptionsMonitor<ResilienceOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger("Bff.ServiceDefaults.Resilience");
    }

    public RetryBudget GetBudget(string service) =>
        _budgets.GetOrAdd(service, static (name, self) => new RetryBudget(self._options.Get(name), self._timeProvider), this);

    public ResiliencePipeline<HttpResponseMessage> GetPipeline(string service, string authority) =>
        _pipelines.GetOrAdd((service, authority), static (key, self) => self.Build(key.Service, key.Authority), this);

    // Outermost first: total timeout > retry (with budget) > circuit breaker > attempt timeout,
    // so every attempt, timed-out ones included, is counted by the breaker, and an open circuit ends the retries.
    private ResiliencePipeline<HttpResponseMessage> Build(string service, string authority)
    {
        var settings = _options.Get(service);
        var budget = GetBudget(service);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = service,
            InstanceName = authority,
            TimeProvider = _timeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = settings.TotalTimeout });

        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, settings, budget, service, authority)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, _timeProvider)),
                OnRetry = args =>
                {
                    ResilienceMetrics.Retry(service);
                    var method = args.Context.Properties.GetValue(RequestKey, null!)?.Method.Method ?? "?";
                    ResilienceLog.Retrying(_logger, method, service, authority, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, TransientOutcome.Describe(args.Outcome));
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.BreakerFailureRatio,
            MinimumThroughput = settings.BreakerMinimumThroughput,
            SamplingDuration = settings.BreakerSamplingDuration,
            BreakDuration = settings.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(TransientOutcome.IsFailure(args.Outcome)),
            OnOpened = args =>
            {
                ResilienceMetrics.Circuit(service, authority, "open");
                ResilienceLog.CircuitOpened(_logger, service, authority, args.BreakDuration.TotalMilliseconds, TransientOutcome.Describe(args.Outcome));
                return default;
            },
            OnHalfOpened = _ =>
            {
                ResilienceMetrics.Circuit(service, authority, "half_open");
                ResilienceLog.CircuitHalfOpened(_logger, service, authority);
                return default;
            },
            OnClosed = _ =>
            {
                ResilienceMetrics.Circuit(service, authority, "closed");
                ResilienceLog.CircuitClosed(_logger, service, authority);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = settings.AttemptTimeout });
        return builder.Build();
    }

    private bool ShouldRetry(
        RetryPredicateArguments<HttpResponseMessage> args,
        ResilienceOptions settings,
        RetryBudget budget,
        string service,
        string authority)
    {
        if (!TransientOutcome.IsTransient(args.Outcome))
        {
            return false;
        }

        var request = args.Context.Properties.GetValue(RequestKey, null!);
        if (request is null || !TransientOutcome.IsIdempotent(request.Method))
        {
            return false;
        }

        // The last attempt is not retried anyway: don't spend budget on it.
        if (args.AttemptNumber >= settings.MaxRetryAttempts)
        {
            return false;
        }

        // A server asking for more patience than this client is willing to spend gets none of its retries.
        if (RetryAfter.Read(args.Outcome.Result, _timeProvider) > settings.RetryMaxDelay)
        {
            return false;
        }

        if (!budget.TryAcquireRetry())
        {
            ResilienceMetrics.RetryDenied(service);
            ResilienceLog.RetryBudgetExhausted(_logger, service, request.Method.Method, authority, TransientOutcome.Describe(args.Outcome));
            return false;
        }

        return true;
    }
}
