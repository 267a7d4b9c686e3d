namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// How calls to one downstream service are protected. Bound from <c>Resilience:Default</c>, then overridden
/// per service by <c>Resilience:&lt;ServiceName&gt;</c>; checked at start by <see cref="ResilienceOptionsValidator"/>.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section holding <c>Default</c> and one section per service.</summary>
    public const string SectionName = "Resilience";

    /// <summary>The section every service inherits from.</summary>
    public const string DefaultSectionName = "Default";

    /// <summary>Budget of one call including every retry and backoff. Default 10 s; 10 ms..1 day.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget of one attempt; must be below <see cref="TotalTimeout"/>. Default 3 s; 10 ms..1 day.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Read the whole response body inside the attempt, so the attempt timeout also covers a body that stalls and a
    /// body cut mid-way is retried like a failed connection. Default true (domain answers are small JSON);
    /// turn off for streaming downstreams.
    /// </summary>
    public bool BufferResponseContent { get; set; } = true;

    /// <summary>Retries after the first attempt, for idempotent methods only. Default 2; 0 disables retries; at most 10.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First backoff delay, doubled per retry, with jitter. Default 200 ms; 0..1 minute.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Cap of one backoff delay. Default 2 s; at least <see cref="RetryBaseDelay"/>. A <c>Retry-After</c> answer is
    /// waited for when it is within this cap, and not retried when it asks for longer.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries allowed as a share of the requests over <see cref="RetryBudgetWindow"/>. Default 0.2; 0..1.</summary>
    public double RetryBudgetRatio { get; set; } = 0.2;

    /// <summary>Retries per second always allowed, so a quiet service still retries. Default 5; 0..10,000.</summary>
    public int RetryBudgetMinPerSecond { get; set; } = 5;

    /// <summary>The sliding window of the retry budget. Default 10 s; 1 s..10 minutes.</summary>
    public TimeSpan RetryBudgetWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed attempts over <see cref="BreakerSamplingDuration"/> that opens the circuit. Default 0.5; above 0, at most 1.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open. Default 10; at least 2.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted over. Default 30 s; 500 ms..1 day.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Failures in a row, with no success between them, that open the circuit at once, however many successes the
    /// <see cref="BreakerSamplingDuration"/> still remembers: a service that starts hanging after healthy traffic is
    /// cut off after a few calls instead of after the ratio catches up. Counted over the last
    /// max(500 ms, 2 x <see cref="AttemptTimeout"/>). Default 5; 0 turns it off; otherwise 2..1,000.
    /// </summary>
    public int BreakerConsecutiveFailures { get; set; } = 5;

    /// <summary>How long an open circuit rejects calls before one trial call (half-open). Default 5 s; 500 ms..1 day.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
