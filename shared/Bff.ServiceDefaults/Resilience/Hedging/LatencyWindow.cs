namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// The latest latencies of one service in a ring, and their percentile. Sorting a copy of a few hundred
/// numbers per call is cheaper than the call it decides about, and keeps the estimate exact.
/// </summary>
internal sealed class LatencyWindow(int size)
{
    private readonly double[] _samples = new double[size];
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Add(TimeSpan latency)
    {
        lock (_gate)
        {
            _samples[_next] = latency.TotalMilliseconds;
            _next = (_next + 1) % _samples.Length;
            _count = Math.Min(_count + 1, _samples.Length);
        }
    }

    /// <summary>The nearest-rank percentile of the window, or null when it is empty.</summary>
    public TimeSpan? Percentile(double percentile)
    {
        double[] copy;
        lock (_gate)
        {
            if (_count == 0)
            {
                return null;
            }

            copy = _samples[.._count];
        }

        Array.Sort(copy);
        var rank = (int)Math.Ceiling(percentile * copy.Length) - 1;
        return TimeSpan.FromMilliseconds(copy[Math.Clamp(rank, 0, copy.Length - 1)]);
    }
}
