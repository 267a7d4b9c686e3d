namespace Partner.Bff.V1;

/// <summary>An order of the partner (v1 shape: money as a bare number with a separate currency).</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Status">pending, paid, shipped, delivered or cancelled.</param>
/// <param name="PlacedAt">When the order was placed (ISO-8601, UTC).</param>
/// <param name="Total">The order total in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO-4217 currency code of every amount of the order.</param>
/// <param name="Lines">The ordered products.</param>
internal sealed record V1Order(int OrderId, string Status, DateTimeOffset PlacedAt, decimal Total, string Currency, IReadOnlyList<V1OrderLine> Lines);
