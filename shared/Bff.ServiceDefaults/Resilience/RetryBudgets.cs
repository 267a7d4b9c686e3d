using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// The retry budget of each service, shared by all its destinations. A singleton, so a budget outlives the
/// handlers <c>IHttpClientFactory</c> recycles every few minutes, like the pipelines in Polly's registry.
/// </summary>
internal sealed class RetryBudgets(IOptionsMonitor<ResilienceOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, RetryBudget> _budgets = new(StringComparer.OrdinalIgnoreCase);
    private readonly IOptionsMonitor<ResilienceOptions> _options = options;
    private readonly TimeProvider _timeProvider = timeProvider;

    public RetryBudget For(string service) =>
        _budgets.GetOrAdd(service, static (name, self) => new RetryBudget(self._options.Get(name), self._timeProvider), this);
}
