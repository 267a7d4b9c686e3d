namespace Partner.Bff.Idempotency;

/// <summary>One remembered key: the request it was first used with and the (possibly still running) placement.</summary>
/// <param name="Key">The partner's key.</param>
/// <param name="Fingerprint">SHA-256 of the canonical order the key was first used for.</param>
/// <param name="Outcome">The placement, shared by every repeat that arrives while it runs.</param>
/// <param name="ExpiresAt">When the key is forgotten.</param>
internal sealed record IdempotencyEntry(string Key, string Fingerprint, Task<PlacementOutcome> Outcome, DateTimeOffset ExpiresAt);
