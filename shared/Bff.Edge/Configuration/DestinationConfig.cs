namespace Bff.Edge.Configuration;

/// <summary>One upstream address.</summary>
internal sealed record DestinationConfig
{
    /// <summary>Absolute <c>http://</c> or <c>https://</c> URL, optionally with a base path. Required.</summary>
    public string? Address { get; init; }

    /// <summary>Relative share of traffic (canary: 90 and 10). 0 takes no traffic. Default 1.</summary>
    public int Weight { get; init; } = 1;
}
