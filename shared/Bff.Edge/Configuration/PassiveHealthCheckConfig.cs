namespace Bff.Edge.Configuration;

/// <summary>
/// Passive checks: a destination is ejected after <see cref="ConsecutiveFailures"/> failed requests in a row
/// (connect failure, timeout, broken response, or a 502/503/504 from it) and comes back after <see cref="ReactivationPeriod"/>.
/// </summary>
internal sealed record PassiveHealthCheckConfig
{
    /// <summary>Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Default 5.</summary>
    public int ConsecutiveFailures { get; init; } = 5;

    /// <summary>Cool-down before an ejected destination takes traffic again. Default 30 s.</summary>
    public TimeSpan ReactivationPeriod { get; init; } = TimeSpan.FromSeconds(30);
}
