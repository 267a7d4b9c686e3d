using System.Diagnostics;
using Bff.RateLimiting.Tests.Support;
using Bff.TestSupport.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Bff.RateLimiting.Tests;

public sealed class FailoverTests
{
    private static readonly RateLimitPolicy Tight = new() { Name = "tight", Limit = 5, Period = TimeSpan.FromMinutes(1) };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redis_outage_fails_open_to_local_limits_and_distributed_limiting_resumes()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var host = new RateLimitingHost(Settings(server, "open"));
        var backend = host.Backend;
        var tight = host.Policies["tight"];

        Assert.Equal(RateLimitSource.Redis, (await backend.CheckAsync("u", tight, Token)).Source);
        Assert.Equal(1, host.Metrics.Gauge("bff.rate_limit.redis.available"));

        await server.KillAsync();

        // Still limited while Redis is gone: the local limiter gives the burst of 5, then denies.
        var during = new List<RateLimitDecision>();
        for (var i = 0; i < 8; i++)
        {
            during.Add(await backend.CheckAsync("u", tight, Token));
        }

        Assert.All(during, d => Assert.Equal(RateLimitSource.LocalFallback, d.Source));
        Assert.Equal(5, during.Count(d => d.IsAllowed));
        Assert.Equal(0, host.Metrics.Gauge("bff.rate_limit.redis.available"));
        Assert.Single(host.Logs.Entries, e => e.EventId == 101 && e.Level == LogLevel.Warning && e.Message.Contains("failing open", StringComparison.Ordinal));
        Assert.Equal(8, host.Metrics.Sum("bff.rate_limit.redis.fallbacks", ("mode", "open")));
        Assert.Equal(3, host.Metrics.Sum("bff.rate_limit.decisions", ("result", "denied"), ("backend", "fallback")));

        await server.StartAgainAsync(Token);
        var resumed = await WaitForSourceAsync(backend, tight, RateLimitSource.Redis);

        // Redis restarted empty: the key's quota there is fresh again, and it is the shared one now.
        Assert.Equal(4, resumed.Remaining);
        Assert.Single(host.Logs.Entries, e => e.EventId == 102 && e.Message.Contains("recovered", StringComparison.Ordinal));
        Assert.Equal(1, host.Metrics.Sum("bff.rate_limit.redis.circuit_transitions", ("state", "open")));
        Assert.Equal(1, host.Metrics.Sum("bff.rate_limit.redis.circuit_transitions", ("state", "closed")));
        Assert.Equal(1, host.Metrics.Gauge("bff.rate_limit.redis.available"));
        Assert.True(host.Metrics.Sum("bff.rate_limit.decisions", ("result", "allowed"), ("backend", "redis")) >= 2);
    }

    [Fact]
    public async Task Redis_outage_fails_closed_with_denials_until_redis_is_back()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        await using var host = new RateLimitingHost(Settings(server, "closed"));
        var backend = host.Backend;
        var tight = host.Policies["tight"];
        Assert.True((await backend.CheckAsync("u", tight, Token)).IsAllowed);

        await server.KillAsync();

        var denied = await backend.CheckAsync("u", tight, Token);
        Assert.False(denied.IsAllowed);
        Assert.Equal(RateLimitSource.FailClosed, denied.Source);
        Assert.Equal(TimeSpan.FromSeconds(1), denied.RetryAfter);
        Assert.Contains(host.Logs.Entries, e => e.EventId == 101 && e.Message.Contains("failing closed", StringComparison.Ordinal));
        Assert.Equal(1, host.Metrics.Sum("bff.rate_limit.decisions", ("result", "denied"), ("backend", "fail_closed")));

        await server.StartAgainAsync(Token);
        var resumed = await WaitForSourceAsync(backend, tight, RateLimitSource.Redis);
        Assert.True(resumed.IsAllowed);
    }

    [Fact]
    public async Task Open_circuit_sends_nothing_to_redis_until_the_probe_interval_has_passed()
    {
        var clock = new ManualTimeProvider();
        var redis = new FailingBackend();
        using var local = new LocalRateLimiter(clock);
        await using var limiter = new SuiteRateLimiter(
            local, redis, null, "127.0.0.1:1", RedisFailureMode.Open, TimeSpan.FromSeconds(5), null, NullLogger.Instance, clock);

        for (var i = 0; i < 1000; i++)
        {
            await limiter.CheckAsync($"k{i % 10}", RateLimitPolicy.AppUsers(), Token);
        }

        Assert.Equal(1, redis.Calls);
        Assert.True(limiter.IsCircuitOpen);

        clock.Advance(TimeSpan.FromSeconds(4.9));
        await limiter.CheckAsync("k", RateLimitPolicy.AppUsers(), Token);
        Assert.Equal(1, redis.Calls);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await limiter.CheckAsync("k", RateLimitPolicy.AppUsers(), Token);
        await limiter.CheckAsync("k", RateLimitPolicy.AppUsers(), Token);
        Assert.Equal(2, redis.Calls);

        redis.Healthy = true;
        clock.Advance(TimeSpan.FromSeconds(5));
        var probe = await limiter.CheckAsync("k", RateLimitPolicy.AppUsers(), Token);
        Assert.Equal(RateLimitSource.Redis, probe.Source);
        Assert.False(limiter.IsCircuitOpen);
        await limiter.CheckAsync("k", RateLimitPolicy.AppUsers(), Token);
        Assert.Equal(4, redis.Calls);
    }

    [Fact]
    public async Task Timeouts_count_as_an_outage()
    {
        await using var server = await RedisServerProcess.StartAsync(Token);
        var settings = Settings(server, "open");
        settings["RateLimiting:Redis:CommandTimeout"] = "00:00:00.100";
        await using var host = new RateLimitingHost(settings);
        var tight = host.Policies["tight"];
        Assert.Equal(RateLimitSource.Redis, (await host.Backend.CheckAsync("u", tight, Token)).Source);

        await server.SendRawAsync("*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$4\r\n5000\r\n", Token);
        var stopwatch = Stopwatch.StartNew();
        var decision = await host.Backend.CheckAsync("u", tight, Token);

        Assert.Equal(RateLimitSource.LocalFallback, decision.Source);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), "a check must give up after the 100 ms command timeout, not wait for the 5 s pause");
    }

    private static Dictionary<string, string?> Settings(RedisServerProcess server, string failure) => new()
    {
        ["RateLimiting:Backend"] = "redis",
        ["RateLimiting:Redis:Endpoint"] = server.Endpoint,
        ["RateLimiting:Redis:ReconnectBaseDelay"] = "00:00:00.050",
        ["RateLimiting:Redis:ReconnectMaxDelay"] = "00:00:00.100",
        ["RateLimiting:RedisFailure"] = failure,
        ["RateLimiting:RedisProbeInterval"] = "00:00:00.200",
        ["RateLimiting:KeyPrefix"] = "test:",
        ["RateLimiting:Policies:tight:Limit"] = "5",
        ["RateLimiting:Policies:tight:Period"] = "00:01:00",
    };

    private static async Task<RateLimitDecision> WaitForSourceAsync(IRateLimiterBackend backend, RateLimitPolicy policy, RateLimitSource source)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var decision = await backend.CheckAsync("u", policy, Token);
            if (decision.Source == source || stopwatch.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.Equal(source, decision.Source);
                return decision;
            }

            await Task.Delay(50, Token);
        }
    }

    private sealed class FailingBackend : IRateLimiterBackend
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Healthy { get; set; }

        public ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Healthy
                ? new(new RateLimitDecision { IsAllowed = true, Policy = policy, Source = RateLimitSource.Redis })
                : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "refused", null, CommandStatus.Unknown);
        }
    }
}
