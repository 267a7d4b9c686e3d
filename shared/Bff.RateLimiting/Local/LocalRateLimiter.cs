using System.Collections.Concurrent;

namespace Bff.RateLimiting;

/// <summary>
/// GCRA in process: one table per policy mapping a partition key to its TAT, updated lock-free with compare-and-swap.
/// Memory is bounded: a key whose TAT has passed is indistinguishable from a new key, so a sweep (every
/// <see cref="SweepInterval"/>, and when the table is full) drops it; past <c>maxKeys</c> live keys, new keys share
/// one overflow cell per policy until the sweep frees room (a flood of fresh keys is limited as one, never unbounded).
/// Time comes from <see cref="TimeProvider.GetTimestamp"/> (monotonic: a wall-clock jump cannot grant or deny a burst).
/// </summary>
public sealed class LocalRateLimiter : IRateLimiterBackend, IDisposable
{
    /// <summary>How often expired keys are dropped.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private const long Removed = long.MinValue;
    private const string OverflowKey = "#overflow";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Cell>> _tables = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly int _maxKeys;
    private readonly ITimer _sweepTimer;
    private readonly long _ticksPerMicrosecond;
    private int _count;
    private long _lastFullSweep = long.MinValue / 2;

    /// <summary>Creates a limiter.</summary>
    /// <param name="timeProvider">The clock (a fake one in tests). Default: the system clock.</param>
    /// <param name="maxKeys">The most live keys held across all policies. Default 100,000.</param>
    public LocalRateLimiter(TimeProvider? timeProvider = null, int maxKeys = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maxKeys = maxKeys;
        _ticksPerMicrosecond = _timeProvider.TimestampFrequency % 1_000_000 == 0 ? _timeProvider.TimestampFrequency / 1_000_000 : 0;
        _sweepTimer = _timeProvider.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
    }

    /// <summary>The number of keys held now (expired ones included until the next sweep).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default) =>
        new(Check(key, policy));

    /// <summary>The synchronous check behind <see cref="CheckAsync"/>.</summary>
    public RateLimitDecision Check(string key, RateLimitPolicy policy) => Check(key, policy, RateLimitSource.Local);

    /// <inheritdoc />
    public void Dispose() => _sweepTimer.Dispose();

    internal RateLimitDecision Check(string key, RateLimitPolicy policy, RateLimitSource source)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var partition = PartitionKeys.Normalize(key);
        var table = _tables.GetOrAdd(policy.Name, static _ => new ConcurrentDictionary<string, Cell>(StringComparer.Ordinal));
        var interval = policy.EmissionIntervalMicroseconds;
        var tolerance = policy.ToleranceMicroseconds;
        while (true)
        {
            var now = NowMicroseconds();
            var cell = GetCell(table, partition, now);
            var stored = Volatile.Read(ref cell.Tat);
            if (stored == Removed)
            {
                // Swept between lookup and update: take the fresh cell that replaces it.
                table.TryRemove(new KeyValuePair<string, Cell>(partition, cell));
                continue;
            }

            var result = Gcra.Evaluate(stored, now, interval, tolerance);
            if (!result.Allowed || Interlocked.CompareExchange(ref cell.Tat, result.NewTat, stored) == stored)
            {
                return result.ToDecision(policy, source);
            }
        }
    }

    /// <summary>Drops every key whose quota is fully restored.</summary>
    internal void Sweep()
    {
        var now = NowMicroseconds();
        foreach (var table in _tables.Values)
        {
            foreach (var (partition, cell) in table)
            {
                var tat = Volatile.Read(ref cell.Tat);
                if (tat <= now && Interlocked.CompareExchange(ref cell.Tat, Removed, tat) == tat
                    && table.TryRemove(new KeyValuePair<string, Cell>(partition, cell))
                    && partition != OverflowKey)
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    private Cell GetCell(ConcurrentDictionary<string, Cell> table, string partition, long now)
    {
        while (true)
        {
            if (table.TryGetValue(partition, out var cell))
            {
                return cell;
            }

            if (TryAddCell(table, partition, now) is { } added)
            {
                return added;
            }
        }
    }

    private Cell? TryAddCell(ConcurrentDictionary<string, Cell> table, string partition, long now)
    {
        if (Volatile.Read(ref _count) >= _maxKeys)
        {
            // Sweeping is O(keys): at most once a second when full, so a key flood cannot turn every check into a sweep.
            var last = Volatile.Read(ref _lastFullSweep);
            if (now - last >= 1_000_000 && Interlocked.CompareExchange(ref _lastFullSweep, now, last) == last)
            {
                Sweep();
            }

            if (Volatile.Read(ref _count) >= _maxKeys)
            {
                return table.GetOrAdd(OverflowKey, static _ => new Cell());
            }
        }

        var fresh = new Cell();
        if (!table.TryAdd(partition, fresh))
        {
            return null;
        }

        Interlocked.Increment(ref _count);
        return fresh;
    }

    private long NowMicroseconds()
    {
        var timestamp = _timeProvider.GetTimestamp();
        return _ticksPerMicrosecond > 0
            ? timestamp / _ticksPerMicrosecond
            : (long)((Int128)timestamp * 1_000_000 / _timeProvider.TimestampFrequency);
    }

    private sealed class Cell
    {
        public long Tat;
    }
}
