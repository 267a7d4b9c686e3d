using System.Text;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Strings for the field names and values of upstream answers, without allocating for the usual ones: known names
/// are interned, and for names whose value is usually the same from answer to answer (Server, Content-Type, Date
/// within its second...) the last value's string is kept and reused while the bytes match.
/// </summary>
internal static class Http1FieldStrings
{
    private const int MaxCachedValueLength = 128;

    private static readonly string[] CachedValueNames =
    [
        HeaderNames.Server, HeaderNames.Date, HeaderNames.ContentType, HeaderNames.AcceptRanges, HeaderNames.CacheControl,
        HeaderNames.Vary, HeaderNames.ContentEncoding, HeaderNames.XContentTypeOptions, HeaderNames.XFrameOptions,
        HeaderNames.StrictTransportSecurity, HeaderNames.AccessControlAllowOrigin, HeaderNames.AccessControlAllowCredentials,
        HeaderNames.XPoweredBy, HeaderNames.Pragma,
    ];

    private static readonly string[] OtherNames =
    [
        HeaderNames.Age, HeaderNames.Connection, HeaderNames.ContentDisposition, HeaderNames.ContentLanguage, HeaderNames.ContentLength,
        HeaderNames.ContentLocation, HeaderNames.ContentRange, HeaderNames.ContentSecurityPolicy, HeaderNames.ETag, HeaderNames.Expires,
        HeaderNames.KeepAlive, HeaderNames.LastModified, HeaderNames.Link, HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.SetCookie,
        HeaderNames.TransferEncoding, HeaderNames.Trailer, HeaderNames.Upgrade, HeaderNames.WWWAuthenticate, HeaderNames.AccessControlExposeHeaders,
        HeaderNames.AltSvc, HeaderNames.ProxyAuthenticate, HeaderNames.GrpcStatus, HeaderNames.GrpcMessage, HeaderNames.TraceParent,
        "X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy",
    ];

    // By length, each with its value-cache slot (-1: values differ too often to be worth keeping).
    private static readonly (string Name, int Slot)[][] KnownByLength = GroupByLength();

    private static readonly CachedValue?[] LastValues = new CachedValue?[CachedValueNames.Length];

    /// <summary>The name as a string (interned for known names); <paramref name="slot"/> is its value-cache slot or -1.</summary>
    public static string Name(ReadOnlySpan<byte> name, out int slot)
    {
        if (name.Length < KnownByLength.Length)
        {
            foreach (var (known, knownSlot) in KnownByLength[name.Length])
            {
                if (Ascii.EqualsIgnoreCase(name, known))
                {
                    slot = knownSlot;
                    return known;
                }
            }
        }

        slot = -1;
        return Encoding.ASCII.GetString(name);
    }

    /// <summary>The value as a string (Latin-1, as RFC 9110 §5.5 allows), the kept one when the bytes match.</summary>
    public static string Value(ReadOnlySpan<byte> value, int slot)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (slot < 0 || value.Length > MaxCachedValueLength)
        {
            return Encoding.Latin1.GetString(value);
        }

        var last = Volatile.Read(ref LastValues[slot]);
        if (last is not null && value.SequenceEqual(last.Bytes))
        {
            return last.Value;
        }

        // Races only replace one kept value with another equally valid one.
        var text = Encoding.Latin1.GetString(value);
        Volatile.Write(ref LastValues[slot], new CachedValue(value.ToArray(), text));
        return text;
    }

    private static (string, int)[][] GroupByLength()
    {
        var all = CachedValueNames.Select((name, slot) => (name, slot)).Concat(OtherNames.Select(name => (name, -1))).ToArray();
        var groups = new (string, int)[all.Max(n => n.name.Length) + 1][];
        for (var length = 0; length < groups.Length; length++)
        {
            groups[length] = all.Where(n => n.name.Length == length).ToArray();
        }

        return groups;
    }

    private sealed record CachedValue(byte[] Bytes, string Value);
}
