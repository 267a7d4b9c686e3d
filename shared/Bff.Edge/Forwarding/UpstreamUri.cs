using System.Buffers;
using System.Text;

namespace Bff.Edge.Forwarding;

/// <summary>
/// Builds the upstream URI from the destination prefix, the decoded path and the raw query. The path is
/// re-encoded so the upstream decodes exactly what the gateway routed on: a literal '%' (from a double-encoded
/// request) goes up as <c>%25</c> and can never turn into a second round of decoding.
/// </summary>
internal static class UpstreamUri
{
    // RFC 3986 pchar minus '%': unreserved / sub-delims / ":" / "@", plus '/' between segments.
    private static readonly SearchValues<char> PathSafe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/");

    public static Uri Create(string destinationPrefix, string path, string? query)
    {
        var encodedPath = NeedsEncoding(path) ? Encode(path) : path;
        return new Uri(string.Concat(destinationPrefix, encodedPath, query), UriKind.Absolute);
    }

    public static bool NeedsEncoding(string path) => path.AsSpan().ContainsAnyExcept(PathSafe);

    internal static string Encode(string path) => Encode(path, PathSafe);

    /// <summary>Percent-encodes, as UTF-8, every character of <paramref name="text"/> not in <paramref name="safe"/>.</summary>
    internal static string Encode(string text, SearchValues<char> safe)
    {
        var builder = new StringBuilder(text.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (safe.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
