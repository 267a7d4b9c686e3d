using Bff.RateLimiting.Tests.Support;

namespace Bff.RateLimiting.Tests;

public sealed class LocalRateLimiterTests
{
    private static readonly RateLimitPolicy AppUsers = RateLimitPolicy.AppUsers();

    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Quiet_key_gets_the_whole_burst_then_one_permit_per_interval()
    {
        using var limiter = new LocalRateLimiter(_clock);

        for (var i = 0; i < 40; i++)
        {
            var decision = limiter.Check("user-1", AppUsers);
            Assert.True(decision.IsAllowed, $"request {i + 1} of the burst");
            Assert.Equal(39 - i, decision.Remaining);
            Assert.Equal(TimeSpan.FromMilliseconds(50 * (i + 1)), decision.ResetAfter);
        }

        var denied = limiter.Check("user-1", AppUsers);
        Assert.False(denied.IsAllowed);
        Assert.Equal(0, denied.Remaining);
        Assert.Equal(TimeSpan.FromMilliseconds(50), denied.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), denied.ResetAfter);
        Assert.Equal(40, denied.Limit);

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(limiter.Check("user-1", AppUsers).IsAllowed);
        Assert.False(limiter.Check("user-1", AppUsers).IsAllowed);
    }

    [Fact]
    public void Retry_after_is_exact_to_the_microsecond()
    {
        using var limiter = new LocalRateLimiter(_clock);
        var policy = new RateLimitPolicy { Name = "p", Limit = 3, Period = TimeSpan.FromSeconds(1), Burst = 1 };

        Assert.True(limiter.Check("k", policy).IsAllowed);
        var denied = limiter.Check("k", policy);
        Assert.Equal(TimeSpan.FromMicroseconds(333_333), denied.RetryAfter);

        _clock.Advance(denied.RetryAfter - TimeSpan.FromMicroseconds(1));
        var stillDenied = limiter.Check("k", policy);
        Assert.False(stillDenied.IsAllowed);
        Assert.Equal(TimeSpan.FromMicroseconds(1), stillDenied.RetryAfter);

        _clock.Advance(TimeSpan.FromMicroseconds(1));
        Assert.True(limiter.Check("k", policy).IsAllowed);
    }

    [Fact]
    public void Steady_traffic_gets_burst_plus_rate_times_duration()
    {
        using var limiter = new LocalRateLimiter(_clock);
        var allowed = 0;

        // 100 attempts a second for 10 simulated seconds against 20/s with a burst of 40.
        for (var i = 0; i < 1000; i++)
        {
            if (limiter.Check("user-1", AppUsers).IsAllowed)
            {
                allowed++;
            }

            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(allowed, 40 + 200 - 1, 40 + 200 + 1);
    }

    [Fact]
    public void Quota_refills_completely_after_reset_after()
    {
        using var limiter = new LocalRateLimiter(_clock);
        RateLimitDecision last = default;
        for (var i = 0; i < 10; i++)
        {
            last = limiter.Check("user-1", AppUsers);
        }

        Assert.Equal(30, last.Remaining);
        Assert.Equal(TimeSpan.FromMilliseconds(500), last.ResetAfter);

        _clock.Advance(last.ResetAfter);
        Assert.Equal(39, limiter.Check("user-1", AppUsers).Remaining);
    }

    [Fact]
    public void Keys_and_policies_are_limited_independently()
    {
        using var limiter = new LocalRateLimiter(_clock);
        var tight = new RateLimitPolicy { Name = "tight", Limit = 1, Period = TimeSpan.FromMinutes(1) };

        Assert.True(limiter.Check("a", tight).IsAllowed);
        Assert.False(limiter.Check("a", tight).IsAllowed);
        Assert.True(limiter.Check("b", tight).IsAllowed);
        Assert.True(limiter.Check("a", AppUsers).IsAllowed);
    }

    [Fact]
    public void Concurrent_checks_never_hand_out_more_than_the_burst()
    {
        using var limiter = new LocalRateLimiter(_clock);
        var policy = new RateLimitPolicy { Name = "p", Limit = 100, Period = TimeSpan.FromHours(1), Burst = 100 };
        var allowed = 0;

        Parallel.For(0, 8_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (limiter.Check("hot", policy).IsAllowed)
            {
                Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(100, allowed);
    }

    [Fact]
    public void Empty_key_is_one_partition_and_huge_keys_are_hashed()
    {
        using var limiter = new LocalRateLimiter(_clock);
        var tight = new RateLimitPolicy { Name = "tight", Limit = 1, Period = TimeSpan.FromMinutes(1) };
        var huge = new string('x', 1_000_000);

        Assert.True(limiter.Check(string.Empty, tight).IsAllowed);
        Assert.False(limiter.Check(string.Empty, tight).IsAllowed);
        Assert.True(limiter.Check(huge, tight).IsAllowed);
        Assert.False(limiter.Check(huge, tight).IsAllowed);
        Assert.True(limiter.Check(huge + "y", tight).IsAllowed);
        Assert.Equal(3, limiter.Count);
        Assert.Throws<ArgumentNullException>(() => limiter.Check(null!, tight));

        var normalized = PartitionKeys.Normalize(huge);
        Assert.StartsWith("#", normalized, StringComparison.Ordinal);
        Assert.Equal(44, normalized.Length);
        Assert.NotEqual(normalized, PartitionKeys.Normalize("#" + normalized[1..]));
    }

    [Fact]
    public void Memory_stays_bounded_and_expired_keys_are_swept()
    {
        using var limiter = new LocalRateLimiter(_clock, maxKeys: 100);
        var policy = new RateLimitPolicy { Name = "p", Limit = 10, Period = TimeSpan.FromSeconds(1), Burst = 2 };

        var overflowAllowed = 0;
        for (var i = 0; i < 1000; i++)
        {
            if (limiter.Check($"key-{i}", policy).IsAllowed && i >= 100)
            {
                overflowAllowed++;
            }
        }

        Assert.Equal(100, limiter.Count);

        // Keys past the bound share one cell: a flood of fresh keys is limited as one key.
        Assert.Equal(2, overflowAllowed);

        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.Sweep();
        Assert.Equal(0, limiter.Count);
        Assert.True(limiter.Check("key-500", policy).IsAllowed);
        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public async Task Check_async_completes_synchronously()
    {
        using var limiter = new LocalRateLimiter(_clock);

        var pending = limiter.CheckAsync("k", AppUsers, TestContext.Current.CancellationToken);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(RateLimitSource.Local, (await pending).Source);
    }
}
