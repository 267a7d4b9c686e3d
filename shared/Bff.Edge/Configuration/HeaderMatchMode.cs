namespace Bff.Edge.Configuration;

/// <summary>How a header condition compares the request's header values with the configured ones.</summary>
internal enum HeaderMatchMode
{
    /// <summary>A header value equals one of the configured values (case-insensitive).</summary>
    Exact,

    /// <summary>
    /// A header value contains one of the configured values (case-insensitive), for list headers such as
    /// <c>Accept: text/html,application/xhtml+xml,*/*;q=0.8</c>.
    /// </summary>
    Contains,
}
