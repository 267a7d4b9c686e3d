using System.Net;
using System.Net.Sockets;

namespace Bff.TestSupport.Net;

/// <summary>Free TCP ports on loopback for servers that cannot listen on port 0 and report it back.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range (32768-60999 by default on Linux). A port the OS hands out for port 0 comes
    // from that range, which outgoing connections draw their local ports from too: with the suite's test assemblies
    // running at once, one can take such a port between the pick and the server's bind. Seen as an edge whose
    // first address answered /readyz while its second was refused.
    private const int First = 20000;
    private const int End = 32000;

    /// <summary>
    /// A port that was free a moment ago on 127.0.0.1, picked at random outside the ephemeral range. Another
    /// process may still take it before it is used.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, End);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var fallback = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return fallback;
    }
}
