namespace Bff.Edge.Configuration;

/// <summary>How the forwarded request (and the answer) differ from the ones the gateway received.</summary>
internal sealed record RouteTransformsConfig
{
    /// <summary>Literal prefix removed from the path (<c>/mobile</c>: <c>/mobile/home</c> goes up as <c>/home</c>).</summary>
    public string? PathRemovePrefix { get; init; }

    /// <summary>Literal prefix added to the path after <see cref="PathRemovePrefix"/>.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>
    /// Replaces the whole path with a template over the route's parameters, e.g. <c>/api/{version}/{**rest}</c>.
    /// Exclusive with the two prefix transforms.
    /// </summary>
    public string? PathPattern { get; init; }

    /// <summary><c>Destination</c> (default): Host is the destination's authority. <c>Original</c>: the client's Host is kept.</summary>
    public HostHeaderMode HostHeader { get; init; } = HostHeaderMode.Destination;

    /// <summary>Headers of the forwarded request added, set, removed or renamed (after authentication).</summary>
    public HeaderTransformsConfig? RequestHeaders { get; init; }

    /// <summary>Query parameters of the forwarded request added, set or removed.</summary>
    public QueryTransformsConfig? Query { get; init; }

    /// <summary>Headers of the upstream's answer added, set, removed or renamed (the edge's own error answers are left alone).</summary>
    public HeaderTransformsConfig? ResponseHeaders { get; init; }
}
