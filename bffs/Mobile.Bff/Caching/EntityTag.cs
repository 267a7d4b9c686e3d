using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Mobile.Bff.Caching;

/// <summary>
/// Entity tags over the JSON body (RFC 9110 §8.8.3). Weak, because response compression sends the same JSON
/// as br, gzip or identity bytes: a strong tag would have to differ per content coding.
/// </summary>
internal static class EntityTag
{
    /// <summary><c>W/"&lt;first 128 bits of SHA-256, base64url&gt;"</c>.</summary>
    public static string Compute(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "W/\"" + Base64Url.EncodeToString(hash[..16]) + "\"";
    }

    /// <summary>
    /// The weak comparison of <c>If-None-Match</c> (RFC 9110 §13.1.2): true when any listed tag, weak or not,
    /// has the same opaque value, or the field is <c>*</c>.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        var opaque = Opaque(etag.AsSpan());
        foreach (var field in ifNoneMatch)
        {
            foreach (var range in (field ?? string.Empty).AsSpan().Split(','))
            {
                var candidate = (field ?? string.Empty).AsSpan()[range].Trim();
                if (candidate is "*" || (candidate.Length > 0 && Opaque(candidate).SequenceEqual(opaque)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Opaque(ReadOnlySpan<char> tag) =>
        tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
