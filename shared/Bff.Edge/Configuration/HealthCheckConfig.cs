namespace Bff.Edge.Configuration;

/// <summary>Health checks of a cluster's destinations.</summary>
internal sealed record HealthCheckConfig
{
    /// <summary>HTTP probes on an interval.</summary>
    public ActiveHealthCheckConfig Active { get; init; } = new();

    /// <summary>Ejection after consecutive failed requests.</summary>
    public PassiveHealthCheckConfig Passive { get; init; } = new();
}
