using System.Net;
using System.Text;

namespace Bff.Edge.Upstream;

/// <summary>
/// An <c>http://</c> destination reached with the gateway's own HTTP/1.1 client: where to connect, the Host header
/// and base path to send (both encoded once here, not per request), and the pool of kept-alive connections.
/// </summary>
internal sealed class Http1Endpoint : IDisposable
{
    private Http1Endpoint(EndPoint endPoint, string authority, string basePath)
    {
        EndPoint = endPoint;
        HostLine = Encoding.ASCII.GetBytes($"Host: {authority}\r\n");
        BasePath = Encoding.ASCII.GetBytes(basePath);
        Pool = new Http1ConnectionPool(this);
    }

    public EndPoint EndPoint { get; }

    /// <summary><c>Host: authority\r\n</c>, as the destination's address names it.</summary>
    public byte[] HostLine { get; }

    /// <summary>The address's path (already URI-encoded), prepended to every request target; empty for none.</summary>
    public byte[] BasePath { get; }

    public Http1ConnectionPool Pool { get; }

    /// <summary>An endpoint for an <c>http://</c> address; null for anything else (https goes through SocketsHttpHandler).</summary>
    public static Http1Endpoint? TryCreate(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        EndPoint endPoint = IPAddress.TryParse(uri.IdnHost, out var ip) ? new IPEndPoint(ip, uri.Port) : new DnsEndPoint(uri.IdnHost, uri.Port);
        return new Http1Endpoint(endPoint, uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", uri.AbsolutePath.TrimEnd('/'));
    }

    public void Dispose() => Pool.Dispose();
}
