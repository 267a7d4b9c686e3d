namespace Bff.Edge.Configuration;

/// <summary>Active probing: <c>GET {destination}{Path}</c> every <see cref="Interval"/>; a 2xx answer is healthy.</summary>
internal sealed record ActiveHealthCheckConfig
{
    /// <summary>Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary>Default 10 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Probe timeout. Default 2 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Probe path. Default <c>/healthz</c>.</summary>
    public string Path { get; init; } = "/healthz";
}
