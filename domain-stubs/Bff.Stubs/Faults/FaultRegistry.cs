using System.Collections.Immutable;

namespace Bff.Stubs.Faults;

/// <summary>
/// The faults in force: at most one for every route, and at most one per route pattern; a route's own fault
/// wins over the one for every route. Swapped atomically, so a request sees one consistent set.
/// </summary>
internal sealed class FaultRegistry
{
    private readonly Lock _writeGate = new();
    private volatile Rules _rules = Rules.Empty;
    private int _hanging;

    /// <summary>Requests held by a <c>hang</c> fault right now.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public FaultRule? For(string route)
    {
        var rules = _rules;
        return rules.ByRoute.TryGetValue(route, out var own) ? own : rules.Global;
    }

    public IReadOnlyList<FaultRule> All()
    {
        var rules = _rules;
        return [.. (rules.Global is null ? [] : new[] { rules.Global }), .. rules.ByRoute.Values.OrderBy(r => r.Route, StringComparer.Ordinal)];
    }

    public void Set(FaultRule rule)
    {
        lock (_writeGate)
        {
            var rules = _rules;
            _rules = rule.Route is null
                ? rules with { Global = rule }
                : rules with { ByRoute = rules.ByRoute.SetItem(rule.Route, rule) };
        }
    }

    public void Clear()
    {
        lock (_writeGate)
        {
            _rules = Rules.Empty;
        }
    }

    public IDisposable EnterHang()
    {
        Interlocked.Increment(ref _hanging);
        return new HangScope(this);
    }

    private sealed record Rules(FaultRule? Global, ImmutableDictionary<string, FaultRule> ByRoute)
    {
        public static Rules Empty { get; } = new(null, ImmutableDictionary.Create<string, FaultRule>(StringComparer.Ordinal));
    }

    private sealed class HangScope(FaultRegistry registry) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref registry._hanging);
    }
}
