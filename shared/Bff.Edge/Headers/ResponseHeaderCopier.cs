using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Headers;

/// <summary>Copies upstream response headers (and content headers) to the client response, minus hop-by-hop ones.</summary>
internal static class ResponseHeaderCopier
{
    public static void Copy(HttpResponseMessage message, HttpResponse response)
    {
        var connection = StringValues.Empty;
        if (message.Headers.NonValidated.TryGetValues("Connection", out var connectionValues))
        {
            connection = ToStringValues(connectionValues);
        }

        CopyFrom(message.Headers.NonValidated, connection, response.Headers);
        if (message.Content is { } content)
        {
            CopyFrom(content.Headers.NonValidated, connection, response.Headers);

            // The handler parsed Content-Length to a number already: setting the number spares formatting a string.
            if (content.Headers.ContentLength is { } length && !HopByHopHeaders.ShouldDrop(HeaderNames.ContentLength, connection))
            {
                response.ContentLength = length;
            }
        }
    }

    public static void CopyTrailers(HttpResponseMessage message, HttpResponse response)
    {
        foreach (var header in message.TrailingHeaders.NonValidated)
        {
            if (!HopByHopHeaders.IsHopByHop(header.Key))
            {
                response.AppendTrailer(header.Key, ToStringValues(header.Value));
            }
        }
    }

    private static void CopyFrom(HttpHeadersNonValidated source, StringValues connection, IHeaderDictionary target)
    {
        foreach (var header in source)
        {
            if (HopByHopHeaders.ShouldDrop(header.Key, connection) || string.Equals(header.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            target[header.Key] = ToStringValues(header.Value);
        }
    }

    private static StringValues ToStringValues(HeaderStringValues values) =>
        values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
}
