using System.Net.Sockets;
using System.Text;

namespace Bff.Edge.Tests.Support;

/// <summary>Sends hand-written bytes over a socket, for requests HttpClient refuses to produce.</summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> and returns whatever the server answers until it closes or goes quiet.</summary>
    public static async Task<string> SendAsync(int port, string request, TimeSpan? quiet = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        return await ReadAllAsync(stream, quiet ?? TimeSpan.FromSeconds(2));
    }

    public static async Task<string> ReadAllAsync(NetworkStream stream, TimeSpan quiet)
    {
        var buffer = new byte[65536];
        var response = new StringBuilder();
        while (true)
        {
            using var timeout = new CancellationTokenSource(quiet);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            response.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return response.ToString();
    }

    public static int StatusOf(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
