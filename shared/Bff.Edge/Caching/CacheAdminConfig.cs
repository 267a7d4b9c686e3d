namespace Bff.Edge.Caching;

/// <summary>
/// The invalidation endpoint (<c>Caching.Admin</c>). It answers loopback callers only and needs the key in
/// <c>X-Admin-Key</c>; without a key (here or in the environment variable <c>EDGE_CACHE_ADMIN_KEY</c>, which wins)
/// it is not mapped at all.
/// </summary>
internal sealed record CacheAdminConfig
{
    /// <summary>The shared secret, at least 16 characters. Default none (endpoint disabled).</summary>
    public string? Key { get; init; }
}
