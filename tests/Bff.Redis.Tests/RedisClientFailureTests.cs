using System.Diagnostics;
using Bff.TestSupport.Net;
using Bff.TestSupport.Redis;

namespace Bff.Redis.Tests;

public sealed class RedisClientFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Slow_reply_throws_timeout_and_the_connection_keeps_working()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var client = new RedisClient(new RedisOptions { Endpoint = server.Endpoint, CommandTimeout = TimeSpan.FromMilliseconds(200) });
        await client.PingAsync(Token);

        var stopwatch = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<RedisTimeoutException>(() => client.ExecuteAsync(["DEBUG", "SLEEP", "2"], Token));
        Assert.InRange(stopwatch.ElapsedMilliseconds, 150, 1800);
        Assert.Contains("DEBUG", timeout.Message, StringComparison.Ordinal);

        // The late reply of DEBUG SLEEP is dropped; the next command gets its own reply.
        await Task.Delay(2000, Token);
        Assert.Equal("PONG", await client.PingAsync(Token));
        Assert.Equal("after", (await client.ExecuteAsync(["ECHO", "after"], Token)).AsString());
    }

    [Fact]
    public async Task Connection_that_stops_answering_is_replaced_after_three_timeouts()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var client = new RedisClient(new RedisOptions { Endpoint = server.Endpoint, CommandTimeout = TimeSpan.FromMilliseconds(100) });
        var firstId = (await client.ExecuteAsync(["CLIENT", "ID"], Token)).AsInt64();

        // Pauses every client, this one's next commands included, as a stalled or unreachable server would.
        Assert.StartsWith("+OK", await server.SendRawAsync("*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$4\r\n1500\r\n", Token), StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<RedisTimeoutException>(() => client.PingAsync(Token));
        }

        Assert.False(client.IsConnected);
        await Task.Delay(1600, Token);
        var secondId = (await client.ExecuteAsync(["CLIENT", "ID"], Token)).AsInt64();
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Cancelling_a_command_throws_operation_cancelled()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var client = new RedisClient(new RedisOptions { Endpoint = server.Endpoint, CommandTimeout = TimeSpan.FromSeconds(5) });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteAsync(["DEBUG", "SLEEP", "0.5"], cancellation.Token));
    }

    [Fact]
    public async Task Killed_server_gives_connection_errors_and_the_client_reconnects_after_restart()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var client = new RedisClient(new RedisOptions
        {
            Endpoint = server.Endpoint,
            CommandTimeout = TimeSpan.FromSeconds(2),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        });
        await client.SetAsync("before", "1", cancellationToken: Token);

        var inFlight = client.ExecuteAsync(["DEBUG", "SLEEP", "2"], Token);
        await Task.Delay(100, Token);
        await server.KillAsync();

        await Assert.ThrowsAsync<RedisConnectionException>(() => inFlight);
        await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(Token));
        Assert.False(client.IsConnected);

        await server.StartAgainAsync(Token);
        var deadline = Stopwatch.StartNew();
        string? pong = null;
        while (pong is null && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            try
            {
                pong = await client.PingAsync(Token);
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(25, Token);
            }
        }

        Assert.Equal("PONG", pong);
        Assert.True(client.IsConnected);
        Assert.Null(await client.GetStringAsync("before", Token));
    }

    [Fact]
    public async Task Unreachable_server_fails_fast_and_backs_off_between_attempts()
    {
        await using var client = new RedisClient(new RedisOptions
        {
            Endpoint = $"127.0.0.1:{FreePort.Next()}",
            ReconnectBaseDelay = TimeSpan.FromSeconds(30),
            ReconnectMaxDelay = TimeSpan.FromSeconds(30),
        });

        var first = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(Token));
        Assert.Contains("ConnectionRefused", first.Message, StringComparison.Ordinal);

        var stopwatch = Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(Token));
        Assert.Contains("next connection attempt", second.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.ElapsedMilliseconds < 1000, "a client in back-off must not try to connect");
    }

    [Fact]
    public async Task Disposed_client_refuses_commands()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        var client = new RedisClient(new RedisOptions { Endpoint = server.Endpoint });
        await client.PingAsync(Token);
        await client.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => client.PingAsync(Token));
    }
}
