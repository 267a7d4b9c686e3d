namespace Partner.Bff.Idempotency;

/// <summary>The answer of <see cref="IdempotencyStore.RunOnceAsync"/>.</summary>
/// <param name="Outcome">The placement's outcome; null when the key was used before for another request.</param>
/// <param name="Replayed">True when this request did not place the order itself but got an earlier attempt's result.</param>
internal sealed record IdempotencyLookup(PlacementOutcome? Outcome, bool Replayed)
{
    public bool KeyReused => Outcome is null;
}
