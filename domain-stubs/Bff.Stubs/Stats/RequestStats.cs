using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bff.Contracts.Stubs;

namespace Bff.Stubs.Stats;

/// <summary>Requests received per route since the last reset; lock-free so counting never slows the stub down.</summary>
internal sealed class RequestStats
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _routes = new(StringComparer.Ordinal);
    private long _total;

    public void Count(string route)
    {
        Interlocked.Increment(ref _total);
        var counter = _routes.GetOrAdd(route, static _ => new StrongBox<long>());
        Interlocked.Increment(ref counter.Value);
    }

    public StubStats Snapshot() => new(
        Interlocked.Read(ref _total),
        new SortedDictionary<string, long>(
            _routes.ToDictionary(r => r.Key, r => Interlocked.Read(ref r.Value.Value), StringComparer.Ordinal),
            StringComparer.Ordinal));

    public void Reset()
    {
        _routes.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
