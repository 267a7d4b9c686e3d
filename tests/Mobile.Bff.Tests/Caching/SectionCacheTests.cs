using Bff.TestSupport.Time;
using Microsoft.Extensions.Options;
using Mobile.Bff.Caching;

namespace Mobile.Bff.Tests.Caching;

public sealed class SectionCacheTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Value_is_fresh_within_its_TTL_then_stale_then_gone()
    {
        var cache = Create(ttl: TimeSpan.FromSeconds(30), staleFor: TimeSpan.FromMinutes(10));
        cache.Set("product:1", "chair");

        Assert.True(cache.TryGetFresh<string>("product:1", out var fresh));
        Assert.Equal("chair", fresh);

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(cache.TryGetFresh<string>("product:1", out _));
        Assert.True(cache.TryGetStale<string>("product:1", out var stale));
        Assert.Equal("chair", stale);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(cache.TryGetStale<string>("product:1", out _));
    }

    [Fact]
    public void Zero_TTL_keeps_values_for_stale_use_only()
    {
        var cache = Create(ttl: TimeSpan.Zero, staleFor: TimeSpan.FromMinutes(1));
        cache.Set("rating:1", "4.5");

        Assert.False(cache.TryGetFresh<string>("rating:1", out _));
        Assert.True(cache.TryGetStale<string>("rating:1", out _));
    }

    [Fact]
    public void Cache_stays_within_its_bound()
    {
        var cache = Create(ttl: TimeSpan.FromSeconds(30), staleFor: TimeSpan.FromMinutes(1), maxEntries: 10);
        for (var i = 0; i < 25; i++)
        {
            cache.Set("product:" + i, "p");
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    private SectionCache Create(TimeSpan ttl, TimeSpan staleFor, int maxEntries = 100) =>
        new(Options.Create(new CacheOptions { Ttl = ttl, StaleFor = staleFor, MaxEntries = maxEntries }), _time);
}
