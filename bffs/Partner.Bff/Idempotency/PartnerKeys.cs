namespace Partner.Bff.Idempotency;

/// <summary>One partner's remembered keys, with their insertion order so the oldest are evicted first.</summary>
internal sealed class PartnerKeys
{
    private readonly Queue<IdempotencyEntry> _byAge = new();

    public Dictionary<string, IdempotencyEntry> Entries { get; } = new(StringComparer.Ordinal);

    public void Add(IdempotencyEntry entry)
    {
        Entries[entry.Key] = entry;
        _byAge.Enqueue(entry);
    }

    /// <summary>Drops expired keys and, beyond <paramref name="keep"/>, the oldest ones.</summary>
    public void Evict(DateTimeOffset now, int keep)
    {
        while (_byAge.TryPeek(out var oldest))
        {
            var current = Entries.TryGetValue(oldest.Key, out var entry) && ReferenceEquals(entry, oldest);
            if (current && oldest.ExpiresAt > now && Entries.Count <= keep)
            {
                return;
            }

            _byAge.Dequeue();
            if (current)
            {
                Entries.Remove(oldest.Key);
            }
        }
    }
}
