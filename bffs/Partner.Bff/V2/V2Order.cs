namespace Partner.Bff.V2;

/// <summary>An order of the partner.</summary>
/// <param name="Id">The order id.</param>
/// <param name="Status">pending, paid, shipped, delivered or cancelled.</param>
/// <param name="CreatedAt">When the order was placed (ISO-8601, UTC).</param>
/// <param name="Total">The order total.</param>
/// <param name="Items">The ordered products.</param>
internal sealed record V2Order(int Id, string Status, DateTimeOffset CreatedAt, V2Money Total, IReadOnlyList<V2OrderItem> Items);
