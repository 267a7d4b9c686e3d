using System.Net;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.RateLimiting;

/// <summary>
/// The address a request came from, for partitioning: the peer, or, when the peer is a trusted proxy, the
/// nearest untrusted hop of <c>X-Forwarded-For</c>. A client cannot pick its own partition by sending the header.
/// </summary>
internal static class ClientAddress
{
    public static string Resolve(HttpContext context, TrustedProxies trusted)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null || !trusted.Contains(peer))
        {
            return peer?.ToString() ?? "unknown";
        }

        var forwarded = context.Request.Headers[ForwardedHeaders.XForwardedFor].ToString();
        var hops = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                break;
            }

            if (!trusted.Contains(hop))
            {
                return hop.ToString();
            }
        }

        return peer.ToString();
    }
}
