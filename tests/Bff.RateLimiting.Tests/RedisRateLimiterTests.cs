using System.Diagnostics;
using Bff.RateLimiting.Tests.Support;
using Bff.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Bff.RateLimiting.Tests;

public sealed class RedisRateLimiterTests : IAsyncLifetime
{
    private RedisServerProcess? _server;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RedisServerProcess Server => _server!;

    public async ValueTask InitializeAsync() => _server = await RedisServerProcess.StartAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Local_and_redis_limiters_agree_on_the_same_sequence()
    {
        var clock = new ManualTimeProvider();
        using var local = new LocalRateLimiter(clock);
        await using var connection = NewConnection();
        var redis = new RedisRateLimiter(connection, "test:", callerClock: clock);
        // Redis expires keys on its own (real) clock: intervals of seconds keep every key alive for the whole replay.
        var policies = new[]
        {
            new RateLimitPolicy { Name = "burst", Limit = 1, Period = TimeSpan.FromSeconds(5), Burst = 4 },
            new RateLimitPolicy { Name = "odd", Limit = 3, Period = TimeSpan.FromSeconds(10), Burst = 2 },
        };
        var random = new Random(2026);
        var denied = 0;

        for (var step = 0; step < 600; step++)
        {
            var policy = policies[random.Next(policies.Length)];
            var key = $"user-{random.Next(3)}";
            var expected = local.Check(key, policy);
            var actual = await redis.CheckAsync(key, policy, Token);

            Assert.Equal((expected.IsAllowed, expected.Remaining, expected.ResetAfter, expected.RetryAfter),
                (actual.IsAllowed, actual.Remaining, actual.ResetAfter, actual.RetryAfter));
            Assert.Equal(RateLimitSource.Redis, actual.Source);
            denied += actual.IsAllowed ? 0 : 1;
            clock.Advance(TimeSpan.FromMicroseconds(random.Next(0, 1_500_000)));
        }

        Assert.InRange(denied, 50, 550);
    }

    [Fact]
    public async Task Server_clock_gives_the_burst_then_denies_with_retry_after_of_one_interval()
    {
        await using var connection = NewConnection();
        var redis = new RedisRateLimiter(connection, "test:");
        var policy = new RateLimitPolicy { Name = "slow", Limit = 1, Period = TimeSpan.FromSeconds(10), Burst = 5 };

        for (var i = 0; i < 5; i++)
        {
            var decision = await redis.CheckAsync("k", policy, Token);
            Assert.True(decision.IsAllowed);
            Assert.Equal(4 - i, decision.Remaining);
        }

        var denied = await redis.CheckAsync("k", policy, Token);
        Assert.False(denied.IsAllowed);
        Assert.InRange(denied.RetryAfter, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        Assert.InRange(denied.ResetAfter, TimeSpan.FromSeconds(49), TimeSpan.FromSeconds(50));

        // The key lives exactly as long as the quota takes to refill: no state outlives its use.
        var ttl = await connection.ExecuteAsync(database => database.KeyTimeToLiveAsync("test:slow:k"), Token);
        Assert.InRange(ttl!.Value.TotalMilliseconds, 49_000, 50_000);
    }

    [Fact]
    public async Task Huge_partition_keys_become_short_redis_keys()
    {
        await using var connection = NewConnection();
        var redis = new RedisRateLimiter(connection, "test:");
        var policy = new RateLimitPolicy { Name = "p", Limit = 1, Period = TimeSpan.FromMinutes(1) };

        Assert.True((await redis.CheckAsync(new string('k', 100_000), policy, Token)).IsAllowed);
        Assert.False((await redis.CheckAsync(new string('k', 100_000), policy, Token)).IsAllowed);
        Assert.True((await redis.CheckAsync(string.Empty, policy, Token)).IsAllowed);

        var scan = await connection.ExecuteAsync(database => database.ExecuteAsync("SCAN", 0, "MATCH", "test:p:*", "COUNT", 1000), Token);
        var keys = (string[])scan[1]!;
        Assert.Equal(2, keys.Length);
        Assert.All(keys, key => Assert.True(key.Length < 64, key));
    }

    [Fact]
    public async Task Checks_send_the_script_by_its_sha_and_reload_it_after_script_flush()
    {
        await using var connection = NewConnection();
        var redis = new RedisRateLimiter(connection, "test:");
        var policy = new RateLimitPolicy { Name = "p", Limit = 1, Period = TimeSpan.FromMinutes(1), Burst = 5 };

        Assert.Equal(4, (await redis.CheckAsync("k", policy, Token)).Remaining);
        await Server.SendRawAsync("*2\r\n$6\r\nSCRIPT\r\n$5\r\nFLUSH\r\n", Token);
        for (var remaining = 3; remaining >= 0; remaining--)
        {
            Assert.Equal(remaining, (await redis.CheckAsync("k", policy, Token)).Remaining);
        }

        // The source goes out (SCRIPT LOAD, then EVAL) on first use and once after the server answered NOSCRIPT;
        // every other check is an EVALSHA.
        var stats = await Server.SendRawAsync("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n", Token);
        Assert.True(stats.Contains("cmdstat_evalsha:calls=4,", StringComparison.Ordinal), stats);
        Assert.True(stats.Contains("cmdstat_eval:calls=2,", StringComparison.Ordinal), stats);
        Assert.True(stats.Contains("cmdstat_script|load:calls=2,", StringComparison.Ordinal), stats);
    }

    [Fact]
    public async Task Two_gateways_sharing_one_redis_enforce_one_global_limit()
    {
        // Two limiters with their own connections, as two gateway instances would have.
        await using var first = NewConnection();
        await using var second = NewConnection();
        IRateLimiterBackend[] gateways = [new RedisRateLimiter(first, "test:"), new RedisRateLimiter(second, "test:")];
        var policy = new RateLimitPolicy { Name = "global", Limit = 200, Period = TimeSpan.FromSeconds(1), Burst = 20 };
        var allowed = 0;
        var duration = TimeSpan.FromSeconds(3);
        var stopwatch = Stopwatch.StartNew();
        long firstCheck = -1;
        long last = 0;

        var loops = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            var gateway = gateways[i % 2];
            while (stopwatch.Elapsed < duration)
            {
                // Taken when the check is sent: a reply the loaded machine delivers late must not stretch the span.
                var now = stopwatch.ElapsedTicks;
                var decision = await gateway.CheckAsync("partner-1", policy, Token);
                Interlocked.CompareExchange(ref firstCheck, now, -1);
                if (decision.IsAllowed)
                {
                    Interlocked.Increment(ref allowed);
                }

                long seen;
                while ((seen = Interlocked.Read(ref last)) < now && Interlocked.CompareExchange(ref last, now, seen) != seen)
                {
                }
            }
        }, Token));
        await Task.WhenAll(loops);

        // GCRA admits the burst plus one permit per interval over the time checks were made, across both instances.
        var elapsed = TimeSpan.FromSeconds((double)(last - firstCheck) / Stopwatch.Frequency);
        var expected = policy.Burst + (policy.Limit * elapsed.TotalSeconds);
        Assert.True(elapsed > TimeSpan.FromSeconds(2), $"checks ran for only {elapsed}");
        Assert.InRange(allowed, expected * 0.95, expected * 1.05);
    }

    private RedisConnection NewConnection() =>
        new(new RedisOptions { Endpoint = Server.Endpoint, CommandTimeout = TimeSpan.FromSeconds(5) }, "test", NullLogger.Instance);
}
