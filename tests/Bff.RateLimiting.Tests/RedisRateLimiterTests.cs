using System.Diagnostics;
using Bff.RateLimiting.Tests.Support;
using Bff.Redis;
using Bff.TestSupport.Redis;

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
        await using var client = NewClient();
        var redis = new RedisRateLimiter(client, "test:", callerClock: clock);
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
        await using var client = NewClient();
        var redis = new RedisRateLimiter(client, "test:");
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
        var ttl = (await client.ExecuteAsync(["PTTL", "test:slow:k"], Token)).AsInt64();
        Assert.InRange(ttl, 49_000, 50_000);
    }

    [Fact]
    public async Task Huge_partition_keys_become_short_redis_keys()
    {
        await using var client = NewClient();
        var redis = new RedisRateLimiter(client, "test:");
        var policy = new RateLimitPolicy { Name = "p", Limit = 1, Period = TimeSpan.FromMinutes(1) };

        Assert.True((await redis.CheckAsync(new string('k', 100_000), policy, Token)).IsAllowed);
        Assert.False((await redis.CheckAsync(new string('k', 100_000), policy, Token)).IsAllowed);
        Assert.True((await redis.CheckAsync(string.Empty, policy, Token)).IsAllowed);

        var keys = await client.ExecuteAsync(["KEYS", "test:p:*"], Token);
        Assert.Equal(2, keys.Count);
        Assert.All(keys.AsArray()!, key => Assert.True(key.AsString()!.Length < 64, key.AsString()));
    }

    [Fact]
    public async Task Script_flush_does_not_break_checks()
    {
        await using var client = NewClient();
        var redis = new RedisRateLimiter(client, "test:");
        var policy = new RateLimitPolicy { Name = "p", Limit = 1, Period = TimeSpan.FromMinutes(1), Burst = 5 };

        Assert.Equal(4, (await redis.CheckAsync("k", policy, Token)).Remaining);
        await client.ExecuteAsync(["SCRIPT", "FLUSH"], Token);
        Assert.Equal(3, (await redis.CheckAsync("k", policy, Token)).Remaining);
    }

    [Fact]
    public async Task Two_gateways_sharing_one_redis_enforce_one_global_limit()
    {
        // Two limiters with their own connections, as two gateway instances would have.
        await using var first = NewClient();
        await using var second = NewClient();
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
                var decision = await gateway.CheckAsync("partner-1", policy, Token);
                var now = stopwatch.ElapsedTicks;
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

    private RedisClient NewClient() => new(new RedisOptions { Endpoint = Server.Endpoint, CommandTimeout = TimeSpan.FromSeconds(5) });
}
