namespace Partner.Bff.V2;

/// <summary>One page of the partner's orders, newest first.</summary>
/// <param name="Data">The orders of this page.</param>
/// <param name="Pagination">The link to the next page.</param>
internal sealed record V2OrderPage(IReadOnlyList<V2Order> Data, V2Pagination Pagination);
