namespace Bff.Edge.Caching;

/// <summary>
/// The in-process tier: least-recently-used entries go first once the byte budget is spent. One lock around a
/// dictionary and a linked list: a hit is a lookup and a move to the front, with no allocation.
/// </summary>
internal sealed class MemoryCacheStore
{
    private readonly Dictionary<string, LinkedListNode<(string Key, CacheEntry Entry)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CacheEntry Entry)> _recency = new();
    private readonly Lock _gate = new();
    private readonly long _maxBytes;
    private long _bytes;

    public MemoryCacheStore(long maxBytes)
    {
        _maxBytes = maxBytes;
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    public CacheEntry? Get(string key)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }

            return node.Value.Entry;
        }
    }

    /// <summary>Stores or replaces; an entry bigger than a quarter of the budget is not kept, so one answer cannot flush the rest.</summary>
    public void Set(string key, CacheEntry entry)
    {
        var size = Cost(key, entry);
        if (size > _maxBytes / 4)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.Remove(key, out var existing))
            {
                _recency.Remove(existing);
                _bytes -= Cost(key, existing.Value.Entry);
            }

            _map[key] = _recency.AddFirst((key, entry));
            _bytes += size;
            while (_bytes > _maxBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _map.Remove(last.Value.Key);
                _bytes -= Cost(last.Value.Key, last.Value.Entry);
            }
        }
    }

    /// <summary>Removes every key that starts with <paramref name="prefix"/> (all keys for an empty one); returns how many.</summary>
    public int RemoveByPrefix(string prefix)
    {
        lock (_gate)
        {
            var removed = 0;
            for (var node = _recency.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    _recency.Remove(node);
                    _map.Remove(node.Value.Key);
                    _bytes -= Cost(node.Value.Key, node.Value.Entry);
                    removed++;
                }

                node = next;
            }

            return removed;
        }
    }

    private static long Cost(string key, CacheEntry entry) => entry.Size + (2 * key.Length) + 64;
}
