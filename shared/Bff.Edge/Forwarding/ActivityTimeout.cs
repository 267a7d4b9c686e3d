using Microsoft.Extensions.ObjectPool;

namespace Bff.Edge.Forwarding;

/// <summary>
/// Cancels when no progress happened for the timeout (waiting for headers, or between two body reads), and when
/// the client aborts. Resetting reschedules the same timer, so a long download that keeps moving is never cut.
/// Resets closer together than a tenth of the timeout are skipped: rescheduling takes the timer queue's lock, and
/// a small response would otherwise pay for it on every read.
/// </summary>
/// <remarks>
/// Pooled: a token source, its timer and the registration nodes HttpClient puts on it would otherwise be
/// allocated for every forwarded request. A source that was cancelled cannot be reset and is not reused.
/// </remarks>
internal sealed class ActivityTimeout : IDisposable
{
    private static readonly ObjectPool<ActivityTimeout> Pool =
        new DefaultObjectPool<ActivityTimeout>(new DefaultPooledObjectPolicy<ActivityTimeout>(), Environment.ProcessorCount * 64);

    private readonly CancellationTokenSource _source = new();
    private CancellationTokenRegistration _clientRegistration;
    private CancellationToken _clientAborted;
    private TimeSpan _timeout;
    private long _resetGranularityMs;
    private long _lastResetMs;

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout fired rather than the client aborting.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_clientAborted.IsCancellationRequested;

    /// <summary>Starts the clock; dispose when the exchange is over.</summary>
    public static ActivityTimeout Start(TimeSpan timeout, CancellationToken clientAborted)
    {
        var activity = Pool.Get();
        activity._timeout = timeout;
        activity._clientAborted = clientAborted;
        activity._resetGranularityMs = (long)(timeout.TotalMilliseconds / 10);
        activity._lastResetMs = Environment.TickCount64;
        activity._source.CancelAfter(timeout);
        activity._clientRegistration = clientAborted.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), activity._source);
        return activity;
    }

    public void Reset()
    {
        var now = Environment.TickCount64;
        if (now - _lastResetMs < _resetGranularityMs || _source.IsCancellationRequested)
        {
            return;
        }

        _lastResetMs = now;
        _source.CancelAfter(_timeout);
    }

    public void Dispose()
    {
        // Unregistering waits for a client-abort callback that is running, so a reset source cannot be cancelled late.
        _clientRegistration.Dispose();
        _clientRegistration = default;
        _clientAborted = default;
        if (_source.TryReset())
        {
            Pool.Return(this);
        }
        else
        {
            _source.Dispose();
        }
    }
}
