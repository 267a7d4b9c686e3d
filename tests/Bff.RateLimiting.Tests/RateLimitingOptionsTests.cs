using Bff.RateLimiting.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bff.RateLimiting.Tests;

public sealed class RateLimitingOptionsTests
{
    [Theory]
    [InlineData("RateLimiting:Policies:app-users:Limit", "-5", "RateLimiting:Policies:app-users:Limit must be positive")]
    [InlineData("RateLimiting:Policies:app-users:Period", "00:00:00", "RateLimiting:Policies:app-users:Period must be positive")]
    [InlineData("RateLimiting:Policies:search:Limit", "10", "RateLimiting:Policies:search:Period must be positive")]
    [InlineData("RateLimiting:Policies:app-users:Burst", "-1", "RateLimiting:Policies:app-users:Burst must not be negative")]
    [InlineData("RateLimiting:Policies:bad name!:Limit", "1", "RateLimiting:Policies:bad name!: a policy name")]
    [InlineData("RateLimiting:Backend", "memcached", "RateLimiting:Backend 'memcached' is not one of: local, redis")]
    [InlineData("RateLimiting:RedisFailure", "sideways", "RateLimiting:RedisFailure 'sideways' is not one of: open, closed")]
    [InlineData("RateLimiting:RedisProbeInterval", "00:00:00", "RateLimiting:RedisProbeInterval must be between")]
    [InlineData("RateLimiting:MaxLocalKeys", "0", "RateLimiting:MaxLocalKeys must be positive")]
    public void Invalid_settings_fail_at_start_naming_the_key(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new RateLimitingHost(new() { [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", "RateLimiting:Redis:Endpoint 'localhost' is not host:port")]
    [InlineData("127.0.0.1:70000", "RateLimiting:Redis:Endpoint '127.0.0.1:70000' has no valid port")]
    [InlineData("", "RateLimiting:Redis:Endpoint is empty")]
    public void Malformed_redis_endpoint_fails_at_start_when_the_backend_is_redis(string endpoint, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new RateLimitingHost(new()
        {
            ["RateLimiting:Backend"] = "redis",
            ["RateLimiting:Redis:Endpoint"] = endpoint,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RateLimiting:Policies:app-users:Limit", "lots")]
    [InlineData("RateLimiting:Policies:app-users:Burst", "1.5")]
    [InlineData("RateLimiting:Policies:app-users:Period", "a minute")]
    [InlineData("RateLimiting:MaxLocalKeys", "many")]
    [InlineData("RateLimiting:RedisProbeInterval", "soon")]
    public void Unparsable_values_fail_at_start_naming_the_key(string key, string value)
    {
        var error = Assert.ThrowsAny<Exception>(() => new RateLimitingHost(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_ship_the_three_policies_and_configuration_overrides_or_adds()
    {
        await using var host = new RateLimitingHost(new()
        {
            ["RateLimiting:Policies:app-users:Limit"] = "25",
            ["RateLimiting:Policies:search:Limit"] = "5",
            ["RateLimiting:Policies:search:Period"] = "00:00:10",
        });

        Assert.Equal(new RateLimitPolicy { Name = "app-users", Limit = 25, Period = TimeSpan.FromSeconds(1), Burst = 40 }, host.Policies["app-users"]);
        Assert.Equal(RateLimitPolicy.PartnerFree(), host.Policies["partner-free"]);
        Assert.Equal(RateLimitPolicy.PartnerGold(), host.Policies["PARTNER-GOLD"]);
        Assert.Equal(new RateLimitPolicy { Name = "search", Limit = 5, Period = TimeSpan.FromSeconds(10) }, host.Policies["search"]);
        Assert.Equal(5, host.Policies["search"].EffectiveBurst);
        Assert.Throws<KeyNotFoundException>(() => host.Policies["nope"]);
        Assert.Equal("local", host.Options.Backend);
        Assert.Equal(TimeSpan.FromMilliseconds(250), host.Options.Redis.CommandTimeout);
    }

    [Fact]
    public async Task Local_backend_limits_in_process_and_counts_decisions()
    {
        await using var host = new RateLimitingHost(new() { ["RateLimiting:Backend"] = "LOCAL" });
        var policy = host.Policies["partner-free"];

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 61; i++)
        {
            decisions.Add(await host.Backend.CheckAsync("partner-1", policy, TestContext.Current.CancellationToken));
        }

        Assert.All(decisions, d => Assert.Equal(RateLimitSource.Local, d.Source));
        Assert.Equal(60, decisions.Count(d => d.IsAllowed));
        Assert.Equal(60, host.Metrics.Sum("bff.rate_limit.decisions", ("result", "allowed"), ("backend", "local"), ("policy", "partner-free")));
        Assert.Equal(1, host.Metrics.Sum("bff.rate_limit.decisions", ("result", "denied"), ("backend", "local")));
        Assert.Equal(0, host.Metrics.Gauge("bff.rate_limit.redis.available"));
    }
}
