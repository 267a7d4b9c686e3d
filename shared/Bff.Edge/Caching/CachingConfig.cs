namespace Bff.Edge.Caching;

/// <summary>
/// The cache shared by all routes (top-level <c>Caching</c>), read at start: the in-process tier's size, the optional
/// shared Redis tier and the invalidation endpoint.
/// </summary>
internal sealed record CachingConfig
{
    /// <summary>Byte budget of the in-process LRU tier (bodies plus headers). Default 64 MiB.</summary>
    public long MaxMemory { get; init; } = 64 * 1024 * 1024;

    /// <summary>The shared tier; null (default) keeps entries in this process only.</summary>
    public CacheRedisConfig? Redis { get; init; }

    /// <summary>The invalidation endpoint <c>DELETE /_edge/cache</c>; disabled without a key.</summary>
    public CacheAdminConfig Admin { get; init; } = new();
}
