using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bff.Redis.Tests;

/// <summary>A fake TCP server answers every command with fixed bytes that are not valid RESP2.</summary>
public sealed class MalformedReplyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("?what\r\n", "unexpected RESP type byte 0x3F")]
    [InlineData(":12x4\r\n", "'12x4' is not a valid integer")]
    [InlineData("$-5\r\n", "bulk string length -5 is out of range")]
    [InlineData("$3\r\nabcXY", "not followed by CRLF")]
    [InlineData("*2\r\n:1\r\n!\r\n", "unexpected RESP type byte 0x21")]
    [InlineData("*abc\r\n", "'abc' is not a valid array length")]
    public async Task Malformed_reply_fails_the_command_with_a_protocol_error(string reply, string expected)
    {
        await using var fake = FakeServer.Start(Encoding.ASCII.GetBytes(reply));
        await using var client = new RedisClient(new RedisOptions { Endpoint = fake.Endpoint, CommandTimeout = TimeSpan.FromSeconds(10) });

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisProtocolException>(() => client.PingAsync(Token));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), "a protocol error must not wait for the 10 s command timeout");
    }

    [Fact]
    public async Task Endless_line_without_crlf_is_a_protocol_error_not_a_hang()
    {
        var garbage = new byte[RespParser.MaxLineLength + 10];
        garbage.AsSpan().Fill((byte)'9');
        garbage[0] = (byte)':';
        await using var fake = FakeServer.Start(garbage);
        await using var client = new RedisClient(new RedisOptions { Endpoint = fake.Endpoint, CommandTimeout = TimeSpan.FromSeconds(10) });

        var error = await Assert.ThrowsAsync<RedisProtocolException>(() => client.PingAsync(Token));

        Assert.Contains("no CRLF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_closing_mid_reply_is_a_connection_error()
    {
        await using var fake = FakeServer.Start(Encoding.ASCII.GetBytes("$10\r\nabc"), closeAfterReply: true);
        await using var client = new RedisClient(new RedisOptions { Endpoint = fake.Endpoint, CommandTimeout = TimeSpan.FromSeconds(10) });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(Token));

        Assert.Contains("in the middle of a reply", error.Message, StringComparison.Ordinal);
    }

    private sealed class FakeServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _loop;
        private readonly CancellationTokenSource _stop = new();

        private FakeServer(byte[] reply, bool closeAfterReply)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _loop = Task.Run(() => ServeAsync(reply, closeAfterReply));
        }

        public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public static FakeServer Start(byte[] reply, bool closeAfterReply = false) => new(reply, closeAfterReply);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
                // Stopping the listener ends the loop.
            }

            _stop.Dispose();
        }

        private async Task ServeAsync(byte[] reply, bool closeAfterReply)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                var buffer = new byte[1024];
                if (await socket.ReceiveAsync(buffer, _stop.Token) == 0)
                {
                    continue;
                }

                await socket.SendAsync(reply, _stop.Token);
                if (!closeAfterReply)
                {
                    // Keep the socket open: the client must detect the error itself, not wait for a close.
                    await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                }
            }
        }
    }
}
