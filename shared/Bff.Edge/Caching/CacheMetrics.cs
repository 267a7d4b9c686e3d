using System.Diagnostics.Metrics;

namespace Bff.Edge.Caching;

/// <summary>
/// The <c>Bff.Edge.Caching</c> meter (exported on <c>/metrics</c>): lookups by result, answers stored, and the
/// in-process tier's size.
/// </summary>
internal sealed class CacheMetrics : IDisposable
{
    public const string MeterName = "Bff.Edge.Caching";

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Collapsed = new("result", "collapsed");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");
    private static readonly KeyValuePair<string, object?> VaryMiss = new("result", "vary_miss");
    private static readonly KeyValuePair<string, object?> Stale = new("result", "stale");
    private static readonly KeyValuePair<string, object?> Bypass = new("result", "bypass");

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _stored;

    public CacheMetrics(IMeterFactory? meterFactory, MemoryCacheStore local)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>(
            "bff.edge.cache.requests", "{request}", "Requests on caching routes, by result: hit, collapsed (answered by another request's fetch), miss, vary_miss, stale, bypass (not GET/HEAD, a body or a range).");
        _stored = _meter.CreateCounter<long>("bff.edge.cache.stored", "{answer}", "Upstream answers stored.");
        _meter.CreateObservableGauge("bff.edge.cache.local.bytes", () => local.Bytes, "By", "Bytes held by the in-process tier.");
        _meter.CreateObservableGauge("bff.edge.cache.local.entries", () => local.Count, "{entry}", "Entries (answers and vary markers) in the in-process tier.");
    }

    public void Served(bool collapsed) => _requests.Add(1, collapsed ? Collapsed : Hit);

    public void Forwarded(MissKind miss) => _requests.Add(1, miss switch
    {
        MissKind.Vary => VaryMiss,
        MissKind.Stale => Stale,
        _ => Miss,
    });

    public void Bypassed() => _requests.Add(1, Bypass);

    public void Stored() => _stored.Add(1);

    public void Dispose() => _meter.Dispose();
}
