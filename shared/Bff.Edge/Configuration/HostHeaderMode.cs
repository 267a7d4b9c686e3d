namespace Bff.Edge.Configuration;

/// <summary>Which Host header the upstream sees.</summary>
internal enum HostHeaderMode
{
    /// <summary>The destination address's authority (the client's Host goes up as X-Forwarded-Host).</summary>
    Destination,

    /// <summary>The client's Host, for upstreams that serve several virtual hosts.</summary>
    Original,
}
