using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Headers;

/// <summary>
/// Where the upstream request's headers go: an <see cref="HttpRequestMessage"/> for <c>SocketsHttpHandler</c>, or the
/// bytes of an HTTP/1.1 request head. The header rules are written once against this.
/// </summary>
internal interface IHeaderSink
{
    void Add(string name, string value);

    void Add(string name, StringValues values);
}
