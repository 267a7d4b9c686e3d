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

    /// <summary>
    /// Sends <paramref name="request"/> (Latin-1, so any byte can be written) and reads until the server closes or goes
    /// quiet; <c>Closed</c> says which.
    /// </summary>
    public static async Task<(string Response, bool Closed)> ExchangeAsync(int port, string request, TimeSpan? quiet = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        var response = new StringBuilder();
        var closed = await ReadAsync(stream, quiet ?? TimeSpan.FromSeconds(2), response);
        return (response.ToString(), closed);
    }

    public static async Task<string> ReadAllAsync(NetworkStream stream, TimeSpan quiet)
    {
        var response = new StringBuilder();
        await ReadAsync(stream, quiet, response);
        return response.ToString();
    }

    /// <summary>Appends what arrives to <paramref name="response"/>; true when the server closed (or reset) the connection.</summary>
    private static async Task<bool> ReadAsync(NetworkStream stream, TimeSpan quiet, StringBuilder response)
    {
        var buffer = new byte[65536];
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
                return false;
            }
            catch (IOException)
            {
                return true;
            }

            if (read == 0)
            {
                return true;
            }

            response.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    public static int StatusOf(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
