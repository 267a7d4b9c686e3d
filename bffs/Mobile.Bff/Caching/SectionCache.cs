using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mobile.Bff.Caching;

/// <summary>
/// Last good values of the non-personal sections (product details, ratings, top reviews), keyed by kind and id.
/// A value younger than <see cref="CacheOptions.Ttl"/> is served instead of a call; an older one, up to
/// <see cref="CacheOptions.StaleFor"/> more, only when the service fails. Never holds anything tied to a user.
/// </summary>
internal sealed class SectionCache(IOptions<CacheOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGetFresh<T>(string key, out T value)
        where T : class => TryGet(key, options.Value.Ttl, out value);

    public bool TryGetStale<T>(string key, out T value)
        where T : class => TryGet(key, options.Value.Ttl + options.Value.StaleFor, out value);

    public void Set<T>(string key, T value)
        where T : class
    {
        if (_entries.Count >= options.Value.MaxEntries && !_entries.ContainsKey(key))
        {
            Evict();
        }

        _entries[key] = new Entry(value, time.GetUtcNow());
    }

    private bool TryGet<T>(string key, TimeSpan maxAge, out T value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Value is T typed && time.GetUtcNow() - entry.StoredAt < maxAge)
        {
            value = typed;
            return true;
        }

        value = null!;
        return false;
    }

    // A bounded cache without an LRU list: the working set (a catalogue's popular products) is far below the
    // bound, so reaching it means a scan of ids; dropping what is past its stale window, then all, is enough.
    private void Evict()
    {
        var oldest = time.GetUtcNow() - options.Value.Ttl - options.Value.StaleFor;
        foreach (var (key, entry) in _entries)
        {
            if (entry.StoredAt <= oldest)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= options.Value.MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(object Value, DateTimeOffset StoredAt);
}
