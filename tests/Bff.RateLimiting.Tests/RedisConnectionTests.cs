using System.Diagnostics;
using Bff.TestSupport.Net;
using Bff.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Bff.RateLimiting.Tests;

/// <summary>The multiplexer as the suite configures it, against a real redis-server that dies, stalls or never was.</summary>
public sealed class RedisConnectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killed_server_fails_commands_at_once_and_the_connection_comes_back_after_a_restart()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var connection = Connect(server.Endpoint, TimeSpan.FromSeconds(2));
        await connection.ExecuteAsync(database => database.StringSetAsync("before", "1"), Token);

        await server.KillAsync();
        await WaitUntilAsync(async () => await FailsAsync(connection));

        // Down and known to be down: no command waits, not even for its 2 s timeout.
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(database => database.PingAsync(), Token));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(500), $"a command on a dead server took {stopwatch.Elapsed}");

        await server.StartAgainAsync(Token);
        await WaitUntilAsync(async () => !await FailsAsync(connection));
        Assert.True((await connection.ExecuteAsync(database => database.StringGetAsync("before"), Token)).IsNull);
    }

    [Fact]
    public async Task Server_that_stops_answering_costs_a_command_its_timeout_and_the_connection_is_replaced()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var connection = Connect(server.Endpoint, TimeSpan.FromMilliseconds(200));
        var firstId = await ClientIdAsync(connection);

        // Pauses every client, as a stalled server or a half-open connection would: nothing comes back.
        Assert.StartsWith("+OK", await server.SendRawAsync("*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$4\r\n4000\r\n", Token), StringComparison.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<TimeoutException>(() => connection.ExecuteAsync(database => database.PingAsync(), Token));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(1500));

        // Commands keep failing within their timeout while the server is silent; then a new connection serves them.
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(4))
        {
            var attempt = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync(database => database.PingAsync(), Token));
            Assert.True(attempt.Elapsed < TimeSpan.FromSeconds(1), $"a command on a silent server took {attempt.Elapsed}");
            await Task.Delay(100, Token);
        }

        await WaitUntilAsync(async () => !await FailsAsync(connection));
        Assert.NotEqual(firstId, await ClientIdAsync(connection));
    }

    [Fact]
    public async Task Slow_reply_times_out_and_the_connection_keeps_working()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var connection = Connect(server.Endpoint, TimeSpan.FromMilliseconds(200));
        await WaitUntilAsync(async () => !await FailsAsync(connection));

        var stopwatch = Stopwatch.StartNew();
        // Whichever bound fires first: the per-call one (TimeoutException) or the library's (RedisTimeoutException).
        await Assert.ThrowsAnyAsync<TimeoutException>(() => connection.ExecuteAsync(database => database.ExecuteAsync("BLPOP", "nothing", "1"), Token));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(900));

        // The late reply goes to the command that timed out; the next command gets its own.
        await Task.Delay(1200, Token);
        Assert.Equal("after", (string?)await connection.ExecuteAsync(database => database.ExecuteAsync("ECHO", "after"), Token));
    }

    [Fact]
    public async Task Unreachable_server_fails_commands_without_waiting_for_it()
    {
        await using var connection = Connect($"127.0.0.1:{FreePort.Next()}", TimeSpan.FromMilliseconds(500));

        // The first command may wait for the first connection attempt, never longer than its timeout.
        var stopwatch = Stopwatch.StartNew();
        var first = await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync(database => database.PingAsync(), Token));
        Assert.True(RedisConnection.IsFailure(first), first.ToString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"the first command took {stopwatch.Elapsed}");

        await WaitUntilAsync(async () =>
        {
            var attempt = Stopwatch.StartNew();
            return await FailsAsync(connection) && attempt.Elapsed < TimeSpan.FromMilliseconds(100);
        });
    }

    [Fact]
    public async Task Cancelling_a_command_throws_operation_cancelled()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var connection = Connect(server.Endpoint, TimeSpan.FromSeconds(5));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => connection.ExecuteAsync(database => database.ExecuteAsync("BLPOP", "nothing", "1"), cancellation.Token));
    }

    [Theory]
    [InlineData("localhost", "Redis:Endpoint 'localhost' is not host:port")]
    [InlineData("::1:6379", "Redis:Endpoint '::1:6379' has an IPv6 host without brackets")]
    public void Invalid_options_are_refused_naming_the_key(string endpoint, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisConnection(new RedisOptions { Endpoint = endpoint }, "test", NullLogger.Instance));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static RedisConnection Connect(string endpoint, TimeSpan commandTimeout) => new(
        new RedisOptions
        {
            Endpoint = endpoint,
            CommandTimeout = commandTimeout,
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        },
        "test",
        NullLogger.Instance);

    private static async Task<long> ClientIdAsync(RedisConnection connection) =>
        (long)await connection.ExecuteAsync(database => database.ExecuteAsync("CLIENT", "ID"), Token);

    private static async Task<bool> FailsAsync(RedisConnection connection)
    {
        try
        {
            await connection.ExecuteAsync(database => database.PingAsync(), Token);
            return false;
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            return true;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the condition did not hold within 10 s");
            await Task.Delay(50, Token);
        }
    }
}
