using System.Text;

namespace Bff.Redis.Tests;

public sealed class RedisClientReplyTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simple_string_replies_are_read()
    {
        await using var client = fixture.CreateClient();

        Assert.Equal("PONG", await client.PingAsync(Token));
        var reply = await client.ExecuteAsync(["SET", "simple", "v"], Token);
        Assert.Equal(RedisReplyKind.SimpleString, reply.Kind);
        Assert.Equal("OK", reply.AsString());
    }

    [Fact]
    public async Task Error_reply_throws_server_exception_and_connection_stays_usable()
    {
        await using var client = fixture.CreateClient();

        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync(["NOSUCHCOMMAND", "x"], Token));
        Assert.Equal("ERR", error.Prefix);
        Assert.Contains("unknown command", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PONG", await client.PingAsync(Token));
    }

    [Fact]
    public async Task Integer_replies_are_read_for_incr_and_incrby()
    {
        await using var client = fixture.CreateClient();
        await client.DeleteAsync(["counter"], Token);

        Assert.Equal(1, await client.IncrementAsync("counter", cancellationToken: Token));
        Assert.Equal(11, await client.IncrementAsync("counter", 10, Token));
        Assert.Equal(-4, await client.IncrementAsync("counter", -15, Token));
    }

    [Fact]
    public async Task Bulk_strings_and_null_bulk_are_read()
    {
        await using var client = fixture.CreateClient();
        await client.SetAsync("bulk", "héllo\r\nworld", cancellationToken: Token);

        Assert.Equal("héllo\r\nworld", await client.GetStringAsync("bulk", Token));
        Assert.Equal(string.Empty, await SetAndGet(client, "empty", string.Empty));
        var missing = await client.ExecuteAsync(["GET", "no-such-key"], Token);
        Assert.True(missing.IsNull);
        Assert.Equal(RedisReplyKind.BulkString, missing.Kind);
        Assert.Null(await client.GetAsync("no-such-key", Token));
    }

    [Fact]
    public async Task Nested_empty_and_null_arrays_are_read()
    {
        await using var client = fixture.CreateClient();

        var nested = await client.EvalAsync("return {1, {2, 'two', {}}, 'three'}", [], [], Token);
        Assert.Equal(3, nested.Count);
        Assert.Equal(1, nested[0].AsInt64());
        Assert.Equal(RedisReplyKind.Array, nested[1].Kind);
        Assert.Equal(2, nested[1][0].AsInt64());
        Assert.Equal("two", nested[1][1].AsString());
        Assert.Equal(0, nested[1][2].Count);
        Assert.False(nested[1][2].IsNull);
        Assert.Equal("three", nested[2].AsString());

        var nullArray = await client.ExecuteAsync(["BLPOP", "no-such-list", "0.01"], Token);
        Assert.Equal(RedisReplyKind.Array, nullArray.Kind);
        Assert.True(nullArray.IsNull);
        Assert.Null(nullArray.AsArray());
    }

    [Fact]
    public async Task Error_inside_an_array_is_an_element_not_an_exception()
    {
        await using var client = fixture.CreateClient();

        var reply = await client.EvalAsync("return {1, redis.error_reply('BAD thing')}", [], [], Token);
        Assert.Equal(RedisReplyKind.Error, reply[1].Kind);
        Assert.Equal("BAD thing", reply[1].AsString());
    }

    [Fact]
    public async Task Set_with_px_and_nx_honours_both()
    {
        await using var client = fixture.CreateClient();
        await client.DeleteAsync(["nx"], Token);

        Assert.True(await client.SetAsync("nx", "first", TimeSpan.FromSeconds(30), onlyIfNotExists: true, Token));
        Assert.False(await client.SetAsync("nx", "second", onlyIfNotExists: true, cancellationToken: Token));
        Assert.Equal("first", await client.GetStringAsync("nx", Token));
        var ttl = (await client.ExecuteAsync(["PTTL", "nx"], Token)).AsInt64();
        Assert.InRange(ttl, 1, 30_000);

        Assert.True(await client.PExpireAsync("nx", TimeSpan.FromMilliseconds(50), Token));
        await Task.Delay(150, Token);
        Assert.Null(await client.GetStringAsync("nx", Token));
        Assert.False(await client.PExpireAsync("nx", TimeSpan.FromSeconds(1), Token));
    }

    [Fact]
    public async Task Delete_counts_removed_keys()
    {
        await using var client = fixture.CreateClient();
        await client.SetAsync("del-a", "1", cancellationToken: Token);
        await client.SetAsync("del-b", "2", cancellationToken: Token);

        Assert.Equal(2, await client.DeleteAsync(["del-a", "del-b", "del-missing"], Token));
    }

    [Fact]
    public async Task One_mebibyte_values_round_trip()
    {
        await using var client = fixture.CreateClient();
        var value = new byte[1024 * 1024];
        new Random(7).NextBytes(value);

        await client.SetAsync("large", value, cancellationToken: Token);
        var read = await client.GetAsync("large", Token);

        Assert.NotNull(read);
        Assert.True(value.AsSpan().SequenceEqual(read), "the 1 MiB value changed on the way");
    }

    [Fact]
    public async Task A_thousand_concurrent_commands_each_get_their_own_reply()
    {
        await using var client = fixture.CreateClient();

        var tasks = Enumerable.Range(0, 1000)
            .Select(i => Task.Run(async () => (i, reply: await client.ExecuteAsync(["ECHO", $"value-{i}"], Token)), Token))
            .ToArray();
        var results = await Task.WhenAll(tasks);

        foreach (var (i, reply) in results)
        {
            Assert.Equal($"value-{i}", reply.AsString());
        }
    }

    [Fact]
    public async Task Pipelined_increments_are_applied_in_the_order_sent()
    {
        await using var client = fixture.CreateClient();
        await client.DeleteAsync(["ordered"], Token);

        // Sent without awaiting in between: replies must come back 1..1000 in the order of the calls.
        var tasks = new Task<RedisReply>[1000];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = client.ExecuteAsync(["INCR", "ordered"], Token);
        }

        var replies = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), replies.Select(r => r.AsInt64()));
    }

    [Fact]
    public async Task Evaluate_loads_the_script_again_after_script_flush()
    {
        await using var client = fixture.CreateClient();
        var script = new RedisScript("return tonumber(ARGV[1]) * 2");

        Assert.Equal(42, (await client.EvaluateAsync(script, [], [21], Token)).AsInt64());
        Assert.Equal("OK", (await client.ExecuteAsync(["SCRIPT", "FLUSH"], Token)).AsString());
        var notLoaded = await Assert.ThrowsAsync<RedisServerException>(() => client.EvalShaAsync(script.Sha1, [], [1], Token));
        Assert.Equal("NOSCRIPT", notLoaded.Prefix);

        Assert.Equal(10, (await client.EvaluateAsync(script, [], [5], Token)).AsInt64());
        Assert.Equal(script.Sha1, await client.ScriptLoadAsync(script.Source, Token));
    }

    [Fact]
    public async Task Generic_execute_takes_params()
    {
        await using var client = fixture.CreateClient();

        // The params overload is the one under test, so it is called without a token.
#pragma warning disable xUnit1051
        var reply = await client.ExecuteAsync("ECHO", Encoding.UTF8.GetBytes("bytes"));
#pragma warning restore xUnit1051

        Assert.Equal("bytes", reply.AsString());
    }

    private static async Task<string?> SetAndGet(RedisClient client, string key, string value)
    {
        await client.SetAsync(key, value, cancellationToken: Token);
        return await client.GetStringAsync(key, Token);
    }
}
