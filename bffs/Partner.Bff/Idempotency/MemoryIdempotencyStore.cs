using Microsoft.Extensions.Options;

namespace Partner.Bff.Idempotency;

/// <summary>
/// Remembers, per partner, which idempotency key placed which order. The first request with a key runs the
/// placement; repeats (also concurrent ones, which await the same task) get its outcome, a repeat with another
/// body is told so. Keys live for <see cref="IdempotencyOptions.Retention"/>, at most
/// <see cref="IdempotencyOptions.MaxKeysPerPartner"/> per partner (oldest evicted first). In memory: one replica's
/// keys are not seen by another, so it is used only when no Redis is configured (one partner BFF, or tests).
/// </summary>
internal sealed class MemoryIdempotencyStore(IOptions<IdempotencyOptions> options, TimeProvider time) : IIdempotencyStore
{
    public string Description => "in-process (keys are not shared between replicas)";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, PartnerKeys> _partners = new(StringComparer.Ordinal);

    public async Task<IdempotencyLookup> RunOnceAsync(string partner, string key, string fingerprint, Func<Task<PlacementOutcome>> place)
    {
        TaskCompletionSource<PlacementOutcome> placement;
        IdempotencyEntry entry;
        IdempotencyEntry? existing;
        lock (_lock)
        {
            var keys = KeysOf(partner);
            keys.Evict(time.GetUtcNow(), options.Value.MaxKeysPerPartner - 1);
            if (!keys.Entries.TryGetValue(key, out existing))
            {
                placement = new TaskCompletionSource<PlacementOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                entry = new IdempotencyEntry(key, fingerprint, placement.Task, time.GetUtcNow() + options.Value.Retention);
                keys.Add(entry);
            }
            else
            {
                placement = null!;
                entry = existing;
            }
        }

        if (existing is not null)
        {
            return existing.Fingerprint == fingerprint
                ? new IdempotencyLookup(await existing.Outcome, Replayed: true)
                : IdempotencyLookup.Refused(IdempotencyRefusal.KeyReused);
        }

        PlacementOutcome outcome;
        try
        {
            outcome = await place();
        }
        catch (Exception ex)
        {
            Forget(partner, entry);
            placement.SetException(ex);
            throw;
        }

        if (outcome.IsTransient)
        {
            Forget(partner, entry);
        }

        placement.SetResult(outcome);
        return new IdempotencyLookup(outcome, Replayed: false);
    }

    /// <summary>How many keys a partner has remembered now (for tests and diagnostics).</summary>
    public int Count(string partner)
    {
        lock (_lock)
        {
            return _partners.TryGetValue(partner, out var keys) ? keys.Entries.Count : 0;
        }
    }

    private void Forget(string partner, IdempotencyEntry entry)
    {
        lock (_lock)
        {
            if (_partners.TryGetValue(partner, out var keys) && keys.Entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                keys.Entries.Remove(entry.Key);
            }
        }
    }

    private PartnerKeys KeysOf(string partner)
    {
        if (!_partners.TryGetValue(partner, out var keys))
        {
            keys = new PartnerKeys();
            _partners[partner] = keys;
        }

        return keys;
    }
}
