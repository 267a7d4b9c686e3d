using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Headers;

/// <summary>
/// Copies the client's request headers to the upstream request: hop-by-hop and Connection-named headers dropped,
/// Host and X-Forwarded-* left to their own rules, content headers moved onto the body.
/// </summary>
internal static class RequestHeaderCopier
{
    public static void Copy(HttpRequest request, HttpRequestMessage message)
    {
        var connection = request.Headers.Connection;
        foreach (var header in request.Headers)
        {
            var name = header.Key;
            if (HopByHopHeaders.ShouldDrop(name, connection)
                || ForwardedHeaders.IsForwardingHeader(name)
                || string.Equals(name, HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)) // the body content declares it
            {
                continue;
            }

            var value = header.Value;
            if (value.Count == 1)
            {
                // The single-string overload avoids an array; most headers have one value.
                var single = value.ToString();
                if (!message.Headers.TryAddWithoutValidation(name, single))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, single);
                }
            }
            else if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)value!))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)value!);
            }
        }
    }
}
