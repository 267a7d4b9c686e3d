using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Compression;

/// <summary>
/// Picks the coding for a response from <c>Accept-Encoding</c> (RFC 9110 §12.5.3): the highest q-value among br
/// and gzip, <c>*</c> standing for a coding not listed, q=0 meaning "not acceptable", br on a tie. Allocation-free.
/// </summary>
internal static class AcceptEncoding
{
    public static ContentCoding Select(StringValues header)
    {
        double? brotli = null;
        double? gzip = null;
        double? any = null;
        for (var i = 0; i < header.Count; i++)
        {
            var value = header[i].AsSpan();
            while (!value.IsEmpty)
            {
                var comma = value.IndexOf(',');
                var element = comma < 0 ? value : value[..comma];
                value = comma < 0 ? default : value[(comma + 1)..];

                var semicolon = element.IndexOf(';');
                var coding = (semicolon < 0 ? element : element[..semicolon]).Trim(" \t");
                var q = semicolon < 0 ? 1 : ParseQ(element[(semicolon + 1)..]);
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = q;
                }
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = q;
                }
                else if (coding.SequenceEqual("*"))
                {
                    any = q;
                }
            }
        }

        var brotliQ = brotli ?? any ?? 0;
        var gzipQ = gzip ?? any ?? 0;
        if (brotliQ <= 0 && gzipQ <= 0)
        {
            return ContentCoding.Identity;
        }

        return brotliQ >= gzipQ ? ContentCoding.Brotli : ContentCoding.Gzip;
    }

    // weight = OWS ";" OWS "q=" qvalue; anything unreadable counts as q=0 rather than as a wish for compression.
    private static double ParseQ(ReadOnlySpan<char> parameters)
    {
        parameters = parameters.Trim(" \t");
        if (parameters.Length < 2 || (parameters[0] != 'q' && parameters[0] != 'Q') || parameters[1] != '=')
        {
            return 1;
        }

        return double.TryParse(parameters[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : 0;
    }
}
