namespace Partner.Bff.V2;

/// <summary>Where the next page is.</summary>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
/// <param name="Next">Relative URL of the next page (also sent as <c>Link: rel="next"</c>); null on the last page.</param>
internal sealed record V2Pagination(string? NextCursor, string? Next);
