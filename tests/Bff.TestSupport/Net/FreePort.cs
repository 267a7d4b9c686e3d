using System.Net;
using System.Net.Sockets;

namespace Bff.TestSupport.Net;

/// <summary>Free TCP ports on loopback for servers that cannot listen on port 0 and report it back.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the OS had free a moment ago on 127.0.0.1. Another process may take it before it is used;
    /// servers started on it should be retried on a fresh port if binding fails.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
