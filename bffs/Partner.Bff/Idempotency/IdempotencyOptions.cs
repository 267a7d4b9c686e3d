namespace Partner.Bff.Idempotency;

/// <summary>How long and how many idempotency keys are remembered (configuration section <c>Partner:Idempotency</c>).</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionName = "Partner:Idempotency";

    /// <summary><c>Partner:Idempotency:Retention</c>: how long a key's result is replayed (default 24 h; 1 s..7 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>Partner:Idempotency:MaxKeysPerPartner</c>: keys kept per partner; the oldest goes first beyond it (default 10,000; 1..1,000,000).</summary>
    public int MaxKeysPerPartner { get; set; } = 10_000;
}
