namespace Partner.Bff.Idempotency;

/// <summary>How long and how many idempotency keys are remembered (configuration section <c>Partner:Idempotency</c>).</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionName = "Partner:Idempotency";

    /// <summary><c>Partner:Idempotency:Retention</c>: how long a key's result is replayed (default 24 h; 1 s..7 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>Partner:Idempotency:MaxKeysPerPartner</c>: keys kept per partner; the oldest goes first beyond it (default 10,000; 1..1,000,000).</summary>
    public int MaxKeysPerPartner { get; set; } = 10_000;

    /// <summary>
    /// <c>Partner:Idempotency:InFlightTimeout</c>: how long a claim on a key holds in Redis before the answer is stored.
    /// A replica that dies between claim and answer blocks the key this long, then a retry places (default 30 s,
    /// longer than a placement's total timeout; 1 s..10 min).
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Partner:Idempotency:KeyPrefix</c>: prefix of every Redis key (default <c>bff:idem:</c>).</summary>
    public string KeyPrefix { get; set; } = "bff:idem:";
}
