using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Caching;

/// <summary>
/// The two tiers behind one lookup (in-process first, then Redis, whose hits are copied in-process) and the
/// bookkeeping of fetches in flight, so concurrent misses for one key wait for a single upstream call.
/// </summary>
internal sealed class ResponseCache : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _inFlight = new(StringComparer.Ordinal);

    public ResponseCache(MemoryCacheStore local, RedisCacheStore? shared, TimeProvider timeProvider)
    {
        Local = local;
        Shared = shared;
        TimeProvider = timeProvider;
    }

    public MemoryCacheStore Local { get; }

    public RedisCacheStore? Shared { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Finds a fresh answer for the request under <paramref name="key"/>, following a vary marker to the request's variant.</summary>
    public async ValueTask<CacheLookup> LookupAsync(string key, IHeaderDictionary requestHeaders, bool localOnly, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        var (entry, stale) = await GetAsync(key, now, localOnly, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return new CacheLookup(null, stale ? MissKind.Stale : MissKind.Uri);
        }

        if (entry.VaryHeaders is not { } names)
        {
            return new CacheLookup(entry, default);
        }

        var (variant, variantStale) = await GetAsync(VaryRules.VariantKey(key, names, requestHeaders), now, localOnly, cancellationToken).ConfigureAwait(false);
        return variant is { IsVaryMarker: false }
            ? new CacheLookup(variant, default)
            : new CacheLookup(null, variantStale ? MissKind.Stale : MissKind.Vary);
    }

    /// <summary>
    /// Stores an answer (and, when it varies, the marker under the base key) in both tiers. The answer goes first, so
    /// another instance that sees the marker finds the variant too.
    /// </summary>
    public async ValueTask StoreAsync(string key, CacheEntry answer, string[]? varyNames, IHeaderDictionary requestHeaders)
    {
        var ttl = answer.ExpiresAt - answer.StoredAt;
        var varies = varyNames is { Length: > 0 };
        var answerKey = varies ? VaryRules.VariantKey(key, varyNames!, requestHeaders) : key;
        Local.Set(answerKey, answer);
        if (Shared is not null)
        {
            await Shared.SetAsync(answerKey, answer, ttl).ConfigureAwait(false);
        }

        if (varies)
        {
            var marker = CacheEntry.VaryMarker(varyNames!, answer.StoredAt, answer.ExpiresAt);
            Local.Set(key, marker);
            if (Shared is not null)
            {
                await Shared.SetAsync(key, marker, ttl).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Claims the fetch of <paramref name="key"/>. True: the caller fetches and must call <see cref="EndFetch"/>.
    /// False: another request is fetching; <paramref name="wait"/> completes when it is done.
    /// </summary>
    public bool TryBeginFetch(string key, out Task wait)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _inFlight.GetOrAdd(key, mine);
        wait = current.Task;
        return ReferenceEquals(current, mine);
    }

    public void EndFetch(string key)
    {
        if (_inFlight.TryRemove(key, out var fetch))
        {
            fetch.TrySetResult();
        }
    }

    /// <summary>Removes entries of one route (and path), or all; the counts per tier (shared null when Redis failed or is not used).</summary>
    public async Task<(int Local, long? Shared)> PurgeAsync(string? routeId, string? path, CancellationToken cancellationToken)
    {
        var prefix = routeId is null ? string.Empty : CacheKeys.Prefix(routeId, path);
        var local = Local.RemoveByPrefix(prefix);
        long? shared = null;
        if (Shared is not null)
        {
            shared = await Shared.RemoveByPrefixAsync(prefix, cancellationToken).ConfigureAwait(false);
            await Shared.PublishPurgeAsync(prefix, cancellationToken).ConfigureAwait(false);
        }

        return (local, shared);
    }

    public ValueTask DisposeAsync() => Shared?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async ValueTask<(CacheEntry? Entry, bool Stale)> GetAsync(string key, DateTimeOffset now, bool localOnly, CancellationToken cancellationToken)
    {
        var entry = Local.Get(key);
        if (entry is not null && entry.IsFresh(now))
        {
            return (entry, false);
        }

        var stale = entry is not null;
        if (Shared is null || localOnly)
        {
            return (null, stale);
        }

        // Another instance may have stored (or refreshed) it.
        var shared = await Shared.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (shared is not null && shared.IsFresh(now))
        {
            Local.Set(key, shared);
            return (shared, false);
        }

        return (null, stale);
    }
}
