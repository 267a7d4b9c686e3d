using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Headers;

/// <summary>
/// Connection-specific headers (RFC 9110 §7.6.1) that a proxy must not forward, plus those a client names in its
/// own <c>Connection</c> header.
/// </summary>
internal static class HopByHopHeaders
{
    /// <summary>True for HTTP/2 pseudo-headers and the fixed set: Connection, Keep-Alive, Proxy-Connection, Proxy-Authenticate, Proxy-Authorization, TE, Trailer, Transfer-Encoding, Upgrade.</summary>
    public static bool IsHopByHop(string name) => name.StartsWith(':') || name.Length switch
    {
        2 => name.Equals("TE", StringComparison.OrdinalIgnoreCase),
        7 => name.Equals("Trailer", StringComparison.OrdinalIgnoreCase) || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase),
        10 => name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase),
        16 => name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase),
        17 => name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
        18 => name.Equals("Proxy-Authenticate", StringComparison.OrdinalIgnoreCase),
        19 => name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="name"/> is one of the comma-separated tokens of the Connection header values.
    /// Scans spans: the usual <c>keep-alive</c> value costs no allocation.
    /// </summary>
    public static bool IsListedInConnection(string name, StringValues connection)
    {
        for (var i = 0; i < connection.Count; i++)
        {
            var value = connection[i].AsSpan();
            while (!value.IsEmpty)
            {
                var comma = value.IndexOf(',');
                var token = (comma < 0 ? value : value[..comma]).Trim(" \t");
                if (token.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                value = comma < 0 ? default : value[(comma + 1)..];
            }
        }

        return false;
    }

    /// <summary>Whether a header must be dropped, given the message's Connection header values.</summary>
    public static bool ShouldDrop(string name, StringValues connection) =>
        IsHopByHop(name) || (connection.Count > 0 && IsListedInConnection(name, connection));
}
