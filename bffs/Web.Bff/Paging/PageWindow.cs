namespace Web.Bff.Paging;

/// <summary>
/// What to ask a domain service for to answer <c>first</c>/<c>after</c>: the service's own page cursor,
/// how many items to fetch from there, and how many of them to skip (those up to the <c>after</c> edge).
/// </summary>
internal sealed record PageWindow(int First, string? UpstreamCursor, int Skip, bool HasAfter)
{
    /// <summary>The services' largest page.</summary>
    public const int MaxUpstreamLimit = 100;

    /// <summary>
    /// The <c>limit</c> to send upstream: the skipped items and the page, capped at the services' maximum
    /// (a cursor deep inside a page then gets a shorter page, still with <c>hasNextPage</c>).
    /// </summary>
    public int Limit => Math.Min(MaxUpstreamLimit, Skip + First);
}
