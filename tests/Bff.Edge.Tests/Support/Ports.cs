using System.Net;
using System.Net.Sockets;

namespace Bff.Edge.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port nothing listens on (bound then released).</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
