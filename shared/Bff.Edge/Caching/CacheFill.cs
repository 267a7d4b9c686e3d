using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Caching;

/// <summary>
/// One miss on its way upstream: decides, just before the response starts, whether the answer may be stored
/// (and says so in <c>Cache-Status</c>), snapshots its headers, and captures its body as it streams.
/// </summary>
internal sealed class CacheFill
{
    private readonly HttpContext _context;
    private readonly RouteCacheConfig _config;
    private readonly MissKind _miss;
    private readonly DateTimeOffset _now;
    private readonly string[] _edgeHeaders;
    private bool _decided;

    public CacheFill(HttpContext context, RouteCacheConfig config, MissKind miss, DateTimeOffset now)
    {
        _context = context;
        _config = config;
        _miss = miss;
        _now = now;

        // Headers already on the response were set by the edge for this caller (rate-limit quota, ...): not the upstream's answer.
        var existing = context.Response.Headers;
        _edgeHeaders = existing.Count == 0 ? [] : [.. existing.Keys];
        Capture = new CacheCaptureStream(context.Response.Body, config.MaxBodySize, Decide);
    }

    public CacheCaptureStream Capture { get; }

    /// <summary>Null when storable (after <see cref="Decide"/>); otherwise why not.</summary>
    public string? NotStoredReason { get; private set; } = "not-decided";

    public TimeSpan Freshness { get; private set; }

    public long InitialAge { get; private set; }

    public KeyValuePair<string, StringValues>[] Headers { get; private set; } = [];

    public string[]? VaryNames { get; private set; }

    /// <summary>Runs once, at the first body write or when the response starts, whichever comes first.</summary>
    public void Decide()
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        var response = _context.Response;
        NotStoredReason = StorabilityPolicy.Decide(response, _config, _now, out var freshness, out var initialAge);
        if (NotStoredReason is null)
        {
            Freshness = freshness;
            InitialAge = initialAge;
            VaryNames = response.Headers.Vary.Count > 0 ? VaryRules.Names(response.Headers.Vary) : null;
            Headers = Snapshot(response.Headers);
            if (response.ContentLength is { } length)
            {
                Capture.Reserve(length);
            }
        }
        else
        {
            Capture.StopCapturing();
        }

        response.Headers[CacheStatus.HeaderName] = CacheStatus.Forwarded(_miss, NotStoredReason);
    }

    private KeyValuePair<string, StringValues>[] Snapshot(IHeaderDictionary headers)
    {
        var list = new List<KeyValuePair<string, StringValues>>(headers.Count);
        foreach (var header in headers)
        {
            if (Array.IndexOf(_edgeHeaders, header.Key) < 0
                && !header.Key.Equals(HeaderNames.Age, StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals(CacheStatus.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(header);
            }
        }

        return [.. list];
    }
}
