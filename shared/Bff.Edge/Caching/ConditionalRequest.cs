using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Caching;

/// <summary><c>If-None-Match</c> against a stored answer's <c>ETag</c> (RFC 9110 §13.1.2: weak comparison).</summary>
internal static class ConditionalRequest
{
    public static bool Matches(StringValues ifNoneMatch, CacheEntry entry)
    {
        string? etag = null;
        foreach (var (name, values) in entry.Headers)
        {
            if (name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
            {
                etag = values.ToString();
                break;
            }
        }

        if (etag is null)
        {
            return false;
        }

        var opaque = Opaque(etag);
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (candidate == "*" || Opaque(candidate).SequenceEqual(opaque))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The headers a 304 carries (RFC 9110 §15.4.5), besides the edge's own <c>Age</c> and <c>Cache-Status</c>.</summary>
    public static bool IsKeptOnNotModified(string name) =>
        name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.CacheControl, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Vary, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Expires, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Date, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ContentLocation, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
