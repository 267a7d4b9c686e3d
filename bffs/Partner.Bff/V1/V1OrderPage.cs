namespace Partner.Bff.V1;

/// <summary>One page of the partner's orders, newest first.</summary>
/// <param name="Results">The orders of this page.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
/// <param name="Next">Relative URL of the next page (also sent as <c>Link: rel="next"</c>); null on the last page.</param>
internal sealed record V1OrderPage(IReadOnlyList<V1Order> Results, string? NextCursor, string? Next);
