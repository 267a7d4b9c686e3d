namespace Partner.Bff.Idempotency;

/// <summary>
/// Runs a placement once per partner and <c>Idempotency-Key</c>: the first request places, a repeat with the same
/// request gets the first outcome, a repeat with another request is refused. Chosen at start: Redis when the suite's
/// Redis is configured (every replica sees every key), else in process.
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>Which store this is, for <c>/readyz</c>'s <c>Readiness-Detail</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Places through <paramref name="place"/> unless <paramref name="partner"/>'s <paramref name="key"/> was used before.
    /// <paramref name="fingerprint"/> identifies the request (the same order sent again has the same one).
    /// </summary>
    Task<IdempotencyLookup> RunOnceAsync(string partner, string key, string fingerprint, Func<Task<PlacementOutcome>> place);
}
