namespace Bff.Edge.Caching;

/// <summary>
/// Response caching of one route (<c>Routes.ID.Cache</c>). Only GET and HEAD are served from the cache; what the
/// upstream says in <c>Cache-Control</c>, <c>Expires</c> and <c>Vary</c> is honoured within these bounds.
/// </summary>
internal sealed record RouteCacheConfig
{
    /// <summary>Switches caching on for the route. Default true (the block's presence is the opt-in).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The longest an entry stays fresh: the upstream's <c>s-maxage</c>/<c>max-age</c>/<c>Expires</c> may shorten it,
    /// never lengthen it; an answer that names no lifetime gets exactly this. Default 60 s; more than 0.
    /// </summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest body stored; bigger answers stream through uncached. Default 1 MiB; at most <c>Caching.MaxMemory</c>.</summary>
    public long MaxBodySize { get; init; } = 1024 * 1024;

    /// <summary>
    /// When true, answers to authenticated requests (edge identity or <c>Authorization</c>) are shared by every
    /// caller; when false (default) each subject has its own entries.
    /// </summary>
    public bool Public { get; init; }

    /// <summary>Include the query string in the key. Default true; false serves <c>/x?a=1</c> and <c>/x?a=2</c> the same entry.</summary>
    public bool VaryByQuery { get; init; } = true;
}
