namespace Bff.RateLimiting;

/// <summary>
/// A limit applied per partition key: <see cref="Limit"/> permits per <see cref="Period"/> as a steady rate, of which up
/// to <see cref="Burst"/> can be taken at once by a key that has been quiet. Immutable; bound from
/// <c>RateLimiting:Policies:&lt;name&gt;</c>.
/// </summary>
public sealed record RateLimitPolicy
{
    /// <summary>The policy's name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c> (it appears in headers and Redis keys).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Permits per <see cref="Period"/> (the steady rate). Must be positive.</summary>
    public int Limit { get; init; }

    /// <summary>The period <see cref="Limit"/> is counted over. Must be positive.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>The most permits a quiet key can take at once. 0 (the default) means <see cref="Limit"/>.</summary>
    public int Burst { get; init; }

    /// <summary>The burst actually applied: <see cref="Burst"/>, or <see cref="Limit"/> when 0.</summary>
    public int EffectiveBurst => Burst > 0 ? Burst : Limit;

    /// <summary>GCRA's emission interval: the time one permit takes to come back, in whole microseconds (at least 1).</summary>
    internal long EmissionIntervalMicroseconds => Math.Max(1, (long)Math.Round(Period.Ticks / 10.0 / Limit));

    /// <summary>GCRA's delay variation tolerance: how far ahead of now the theoretical arrival time may run.</summary>
    internal long ToleranceMicroseconds => EmissionIntervalMicroseconds * EffectiveBurst;

    /// <summary>The app users' default: 20 requests/s per user, bursts of 40.</summary>
    public static RateLimitPolicy AppUsers() => new() { Name = "app-users", Limit = 20, Period = TimeSpan.FromSeconds(1), Burst = 40 };

    /// <summary>The partner free plan's default: 60 requests/min per client, bursts of 60.</summary>
    public static RateLimitPolicy PartnerFree() => new() { Name = "partner-free", Limit = 60, Period = TimeSpan.FromMinutes(1), Burst = 60 };

    /// <summary>The partner gold plan's default: 600 requests/min per client, bursts of 600.</summary>
    public static RateLimitPolicy PartnerGold() => new() { Name = "partner-gold", Limit = 600, Period = TimeSpan.FromMinutes(1), Burst = 600 };
}
