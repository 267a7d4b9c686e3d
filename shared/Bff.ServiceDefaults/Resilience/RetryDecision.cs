using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Whether one outcome is retried: transient, an idempotent method, a <c>Retry-After</c> within the cap, and a
/// retry left in the service's budget. Also counts each call's first outcome as one request of the budget.
/// </summary>
internal sealed class RetryDecision(
    ResilienceOptions settings,
    RetryBudget budget,
    TimeProvider timeProvider,
    ILogger logger,
    string service,
    string authority)
{
    public bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        // The retry strategy sees the outcome of every attempt: the first one of a call is the call itself.
        if (args.AttemptNumber == 0)
        {
            budget.RecordRequest();
        }

        if (!TransientOutcome.IsTransient(args.Outcome))
        {
            return false;
        }

        var request = args.Context.GetRequestMessage();
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
        if (RetryAfter.Read(args.Outcome.Result, timeProvider) > settings.RetryMaxDelay)
        {
            return false;
        }

        if (!budget.TryAcquireRetry())
        {
            ResilienceMetrics.RetryDenied(service);
            ResilienceLog.RetryBudgetExhausted(logger, service, request.Method.Method, authority, TransientOutcome.Describe(args.Outcome));
            return false;
        }

        return true;
    }
}
