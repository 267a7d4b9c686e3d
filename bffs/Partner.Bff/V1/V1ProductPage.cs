namespace Partner.Bff.V1;

/// <summary>One page of products, by id ascending.</summary>
/// <param name="Results">The products of this page.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
/// <param name="Next">Relative URL of the next page (also sent as <c>Link: rel="next"</c>); null on the last page.</param>
internal sealed record V1ProductPage(IReadOnlyList<V1Product> Results, string? NextCursor, string? Next);
