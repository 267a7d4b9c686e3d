namespace Partner.Bff.Paging;

/// <summary>
/// What a cursor binds together: the API version, the partner, the list and its filters, and where the domain
/// service's walk stands. A cursor replayed by another partner, on another list or with other filters is refused.
/// </summary>
/// <param name="Version">v1 or v2.</param>
/// <param name="Partner">The partner client id that received the cursor.</param>
/// <param name="List">The list walked (<c>orders</c>, <c>products</c>).</param>
/// <param name="Filters">The list's filters in a canonical form.</param>
/// <param name="Upstream">The domain service's cursor for the next page.</param>
internal sealed record CursorPosition(string Version, string Partner, string List, string Filters, string Upstream);
