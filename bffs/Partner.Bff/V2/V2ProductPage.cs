namespace Partner.Bff.V2;

/// <summary>One page of products, by id ascending.</summary>
/// <param name="Data">The products of this page.</param>
/// <param name="Pagination">The link to the next page.</param>
internal sealed record V2ProductPage(IReadOnlyList<V2Product> Data, V2Pagination Pagination);
