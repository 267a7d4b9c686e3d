namespace Mobile.Bff.Caching;

/// <summary>The in-process cache of non-personal sections (configuration section <c>Mobile:Cache</c>).</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Mobile:Cache";

    /// <summary>How long a value is served without asking its service again. Default 30 s; 0 (never fresh from cache)..1 hour.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after its TTL a value may still be served as <c>stale</c> when its service fails. Default 10 minutes; 0..1 day.</summary>
    public TimeSpan StaleFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Entries kept at most; beyond it expired entries are dropped first, then everything. Default 10,000; 1..1,000,000.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
