namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// Bounds the hedges of one service: at most <see cref="HedgingOptions.BudgetRatio"/> of its calls, or
/// <see cref="HedgingOptions.BudgetMinPerSecond"/> per second, whichever is more, counted over a fixed window.
/// When a service slows down as a whole every call would pass its p95: the budget keeps hedging from doubling
/// the load on a service that is already struggling.
/// </summary>
internal sealed class HedgeBudget(HedgingOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _windowStart = time.GetTimestamp();
    private long _calls;
    private long _hedges;

    public void RecordCall()
    {
        lock (_gate)
        {
            Roll();
            _calls++;
        }
    }

    public bool TryAcquire()
    {
        lock (_gate)
        {
            Roll();
            var allowed = Math.Max(options.BudgetRatio * _calls, options.BudgetMinPerSecond * options.BudgetWindow.TotalSeconds);
            if (_hedges + 1 > allowed)
            {
                return false;
            }

            _hedges++;
            return true;
        }
    }

    private void Roll()
    {
        if (time.GetElapsedTime(_windowStart) >= options.BudgetWindow)
        {
            _windowStart = time.GetTimestamp();
            _calls = 0;
            _hedges = 0;
        }
    }
}
