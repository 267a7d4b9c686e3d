using Bff.GraphQL.Execution;

namespace Bff.GraphQL;

/// <summary>
/// Batches and caches loads for one request. <see cref="LoadAsync"/> only queues the key; the executor
/// dispatches every queued batch once all resolvers of the current step are waiting on loaders, so a
/// list of N items costs one <see cref="LoadBatchAsync"/> call per level instead of N calls.
/// Each key is loaded at most once per request (the cache).
/// </summary>
public abstract class DataLoader<TKey, TValue> : IDataLoader, IScopedDataLoader
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _cache = [];
    private List<TKey> _queue = [];

    /// <summary>Maximum keys per batch call; 0 means unlimited (default).</summary>
    public int MaxBatchSize { get; init; }

    /// <inheritdoc />
    public bool HasPendingKeys
    {
        get
        {
            lock (_cache)
            {
                return _queue.Count > 0;
            }
        }
    }

    /// <summary>The request's scheduler; null when used outside an execution (then every load dispatches at once).</summary>
    internal DataLoaderScope? Scope { get; set; }

    DataLoaderScope? IScopedDataLoader.Scope
    {
        get => Scope;
        set => Scope = value;
    }

    /// <summary>Loads one value; resolves to default when the batch returned no value for the key.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var frame = DataLoaderScope.CurrentFrame;
        Entry entry;
        var queued = false;
        lock (_cache)
        {
            if (!_cache.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _cache[key] = entry;
                _queue.Add(key);
                queued = true;
            }
            else if (entry.Completion.Task.IsCompleted)
            {
                return entry.Completion.Task;
            }

            if (frame is not null && Scope is not null)
            {
                entry.Waiters ??= [];
                entry.Waiters.Add(frame);
            }
        }

        if (Scope is null)
        {
            // Used outside an execution: nothing will dispatch for us.
            Dispatch();
        }
        else
        {
            if (frame is not null)
            {
                Scope.Block(frame);
            }

            Scope.Queued(this, queued);
        }

        return entry.Completion.Task;
    }

    /// <summary>Loads several values in one go (same batching as <see cref="LoadAsync"/>).</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = keys.Select(LoadAsync).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Puts a known value into the cache (e.g. an object loaded by another query).</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_cache)
        {
            if (!_cache.ContainsKey(key))
            {
                var entry = new Entry();
                entry.Completion.SetResult(value);
                _cache[key] = entry;
            }
        }
    }

    /// <inheritdoc />
    public void Dispatch()
    {
        List<TKey> keys;
        lock (_cache)
        {
            if (_queue.Count == 0)
            {
                return;
            }

            keys = _queue;
            _queue = [];
        }

        var size = MaxBatchSize > 0 ? MaxBatchSize : keys.Count;
        for (var i = 0; i < keys.Count; i += size)
        {
            var chunk = i == 0 && size >= keys.Count ? keys : keys.GetRange(i, Math.Min(size, keys.Count - i));
            _ = RunBatchAsync(chunk);
        }
    }

    /// <summary>Loads all <paramref name="keys"/> with one upstream call; keys missing from the result resolve to default.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private async Task RunBatchAsync(List<TKey> keys)
    {
        IReadOnlyDictionary<TKey, TValue>? results = null;
        Exception? error = null;
        try
        {
            results = await LoadBatchAsync(keys, Scope?.CancellationToken ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var entries = new Entry[keys.Count];
        lock (_cache)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                entries[i] = _cache[keys[i]];
                if (error is not null)
                {
                    // A failed batch is not cached, so a later request may retry.
                    _cache.Remove(keys[i]);
                }
            }
        }

        // Unblock waiting resolvers before their continuations can run, so the scheduler never sees them as both waiting and running.
        Scope?.Unblock(entries.SelectMany(e => (IEnumerable<ResolverFrame>?)e.Waiters ?? []));
        for (var i = 0; i < keys.Count; i++)
        {
            if (error is not null)
            {
                entries[i].Completion.TrySetException(error);
            }
            else
            {
                entries[i].Completion.TrySetResult(results!.TryGetValue(keys[i], out var v) ? v : default);
            }
        }
    }

    private sealed class Entry
    {
        public TaskCompletionSource<TValue?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<ResolverFrame>? Waiters { get; set; }
    }
}
