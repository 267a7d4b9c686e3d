using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Headers;

/// <summary>
/// Copies the client's request headers to the upstream request: hop-by-hop and Connection-named headers dropped;
/// Host, Content-Length, X-Forwarded-* and trace context left to their own rules.
/// </summary>
internal static class RequestHeaderCopier
{
    public static void Copy<TSink>(HttpRequest request, ref TSink sink)
        where TSink : IHeaderSink
    {
        var connection = request.Headers.Connection;
        foreach (var header in request.Headers)
        {
            var name = header.Key;
            if (HopByHopHeaders.ShouldDrop(name, connection)
                || ForwardedHeaders.IsForwardingHeader(name)
                || TraceContextHeaders.IsTraceContextHeader(name)
                || string.Equals(name, HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)) // the body framing declares it
            {
                continue;
            }

            sink.Add(name, header.Value);
        }
    }
}
