using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Caching;

/// <summary>
/// One stored answer (status, headers, body), or, under a key whose answers vary, the marker naming the request
/// headers they vary on (<see cref="VaryHeaders"/>). Immutable: hits on many threads read the same instance.
/// </summary>
internal sealed class CacheEntry
{
    // Rough cost of the object, its arrays and strings beyond the body, for the memory budget.
    private const int Overhead = 256;

    public CacheEntry(int statusCode, KeyValuePair<string, StringValues>[] headers, byte[] body, DateTimeOffset storedAt, DateTimeOffset expiresAt, long initialAge)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        StoredAt = storedAt;
        ExpiresAt = expiresAt;
        InitialAge = initialAge;
        Size = Overhead + body.Length + HeaderSize(headers);
    }

    private CacheEntry(string[] varyHeaders, DateTimeOffset storedAt, DateTimeOffset expiresAt)
        : this(0, [], [], storedAt, expiresAt, 0)
    {
        VaryHeaders = varyHeaders;
    }

    public int StatusCode { get; }

    /// <summary>Response headers as the upstream sent them, minus <c>Age</c> (recomputed per hit) and hop-by-hop ones.</summary>
    public KeyValuePair<string, StringValues>[] Headers { get; }

    public byte[] Body { get; }

    public DateTimeOffset StoredAt { get; }

    /// <summary>End of freshness; past it the entry is stale and never served.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The upstream's own <c>Age</c> when stored, in seconds (RFC 9111 §4.2.3).</summary>
    public long InitialAge { get; }

    /// <summary>Lower-cased request header names the answers under this key vary on; null for an answer.</summary>
    public string[]? VaryHeaders { get; }

    public bool IsVaryMarker => VaryHeaders is not null;

    /// <summary>Approximate bytes held, counted against <c>Caching.MaxMemory</c>.</summary>
    public long Size { get; }

    public static CacheEntry VaryMarker(string[] varyHeaders, DateTimeOffset storedAt, DateTimeOffset expiresAt) =>
        new(varyHeaders, storedAt, expiresAt);

    public bool IsFresh(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Current age in whole seconds: the upstream's age when stored plus the time since.</summary>
    public long AgeAt(DateTimeOffset now) => InitialAge + Math.Max(0, (long)(now - StoredAt).TotalSeconds);

    private static int HeaderSize(KeyValuePair<string, StringValues>[] headers)
    {
        var size = 0;
        foreach (var (name, values) in headers)
        {
            size += 2 * name.Length + 32;
            foreach (var value in values)
            {
                size += 2 * (value?.Length ?? 0) + 24;
            }
        }

        return size;
    }
}
