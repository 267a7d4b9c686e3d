namespace Bff.Edge.Configuration;

/// <summary>Access log: one JSON line per proxied request.</summary>
internal sealed record AccessLogConfig
{
    /// <summary>Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>File to append to; null or <c>"stdout"</c> writes to standard output. Default null.</summary>
    public string? Path { get; init; }
}
