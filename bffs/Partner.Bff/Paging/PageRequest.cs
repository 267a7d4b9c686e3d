namespace Partner.Bff.Paging;

/// <summary>A validated page request of one list: the page size and where the domain walk resumes (null: first page).</summary>
/// <param name="Version">v1 or v2.</param>
/// <param name="Partner">The partner client id.</param>
/// <param name="List">The list walked.</param>
/// <param name="Filters">The canonical filters the cursor is bound to.</param>
/// <param name="Limit">Items per page.</param>
/// <param name="UpstreamCursor">The domain service's cursor, or null for the first page.</param>
internal sealed record PageRequest(string Version, string Partner, string List, string Filters, int Limit, string? UpstreamCursor);
