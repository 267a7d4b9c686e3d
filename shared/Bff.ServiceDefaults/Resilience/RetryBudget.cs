namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Caps retries to a share of the traffic (plus a floor per second) over a sliding window, so a failing
/// downstream sees at most <c>1 + ratio</c> times its normal load instead of a retry storm.
/// One per downstream service; thread-safe.
/// </summary>
internal sealed class RetryBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _ratio;
    private readonly double _floor;
    private readonly long[] _seconds;
    private readonly long[] _requests;
    private readonly long[] _retries;

    public RetryBudget(ResilienceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        var windowSeconds = Math.Max(1, (int)Math.Ceiling(options.RetryBudgetWindow.TotalSeconds));
        _ratio = options.RetryBudgetRatio;
        _floor = (double)options.RetryBudgetMinPerSecond * windowSeconds;
        _seconds = new long[windowSeconds];
        _requests = new long[windowSeconds];
        _retries = new long[windowSeconds];
        Array.Fill(_seconds, long.MinValue);
    }

    /// <summary>Counts one call made by a caller (not a retry).</summary>
    public void RecordRequest()
    {
        lock (_gate)
        {
            _requests[CurrentBucket()]++;
        }
    }

    /// <summary>Takes one retry from the budget; false when the window has used it up.</summary>
    public bool TryAcquireRetry()
    {
        lock (_gate)
        {
            var bucket = CurrentBucket();
            long requests = 0;
            long retries = 0;
            for (var i = 0; i < _seconds.Length; i++)
            {
                requests += _requests[i];
                retries += _retries[i];
            }

            if (retries + 1 > _floor + (_ratio * requests))
            {
                return false;
            }

            _retries[bucket]++;
            return true;
        }
    }

    // Buckets of one second in a ring; a bucket whose second has left the window is cleared before reuse.
    private int CurrentBucket()
    {
        var now = _timeProvider.GetTimestamp() / _timeProvider.TimestampFrequency;
        for (var i = 0; i < _seconds.Length; i++)
        {
            if (_seconds[i] != long.MinValue && now - _seconds[i] >= _seconds.Length)
            {
                _seconds[i] = long.MinValue;
                _requests[i] = 0;
                _retries[i] = 0;
            }
        }

        var bucket = (int)(now % _seconds.Length);
        if (_seconds[bucket] != now)
        {
            _seconds[bucket] = now;
            _requests[bucket] = 0;
            _retries[bucket] = 0;
        }

        return bucket;
    }
}
