namespace Bff.Edge.Forwarding;

/// <summary>
/// Cancels when no progress happened for the timeout (waiting for headers, or between two body reads), and when
/// the client aborts. Resetting reschedules the same timer, so a long download that keeps moving is never cut.
/// Resets closer together than a tenth of the timeout are skipped: rescheduling takes the timer queue's lock, and
/// a small response would otherwise pay for it on every read.
/// </summary>
internal sealed class ActivityTimeout : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _clientAborted;
    private readonly long _resetGranularityMs;
    private long _lastResetMs;

    public ActivityTimeout(TimeSpan timeout, CancellationToken clientAborted)
    {
        _timeout = timeout;
        _clientAborted = clientAborted;
        _source = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        _source.CancelAfter(timeout);
        _resetGranularityMs = (long)(timeout.TotalMilliseconds / 10);
        _lastResetMs = Environment.TickCount64;
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout fired rather than the client aborting.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_clientAborted.IsCancellationRequested;

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

    public void Dispose() => _source.Dispose();
}
