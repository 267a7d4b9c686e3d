namespace Bff.Edge.Caching;

/// <summary>What a lookup found: a fresh answer to serve, or why not (and the key a new answer would go under).</summary>
/// <param name="Entry">The fresh answer, or null on a miss.</param>
/// <param name="Miss">Why nothing was served (meaningless on a hit).</param>
internal readonly record struct CacheLookup(CacheEntry? Entry, MissKind Miss)
{
    public bool IsHit => Entry is not null;
}
