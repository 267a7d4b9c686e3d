namespace Partner.Bff.Idempotency;

/// <summary>The answer of <see cref="IIdempotencyStore.RunOnceAsync"/>.</summary>
/// <param name="Outcome">The placement's outcome; null when refused.</param>
/// <param name="Replayed">True when this request did not place the order itself but got an earlier attempt's result.</param>
/// <param name="Refusal">Why there is no outcome.</param>
internal sealed record IdempotencyLookup(PlacementOutcome? Outcome, bool Replayed, IdempotencyRefusal Refusal = IdempotencyRefusal.None)
{
    public bool KeyReused => Refusal == IdempotencyRefusal.KeyReused;

    public static IdempotencyLookup Refused(IdempotencyRefusal refusal) => new(null, Replayed: false, refusal);
}
