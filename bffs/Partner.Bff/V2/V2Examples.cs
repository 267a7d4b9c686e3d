namespace Partner.Bff.V2;

/// <summary>The examples of the v2 OpenAPI document, one per contract type.</summary>
internal static class V2Examples
{
    private static readonly V2Order Order = new(
        10001, "pending", new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), new V2Money(59.98m, "EUR"), [new V2OrderItem(1, 2, new V2Money(29.99m, "EUR"))]);

    private static readonly V2Product Product = new(1, "Ergonomic Steel Chair", "A chair for long days.", "Home & Kitchen", new V2Money(129.9m, "EUR"), 42);

    public static IReadOnlyDictionary<Type, object> All { get; } = new Dictionary<Type, object>
    {
        [typeof(V2Order)] = Order,
        [typeof(V2Product)] = Product,
        [typeof(V2Money)] = new V2Money(59.98m, "EUR"),
        [typeof(V2OrderPage)] = new V2OrderPage([Order], new V2Pagination("eyJ2ZXJzaW9uIjoidjIi...", "/partner/v2/orders?limit=1&cursor=eyJ2ZXJzaW9uIjoidjIi...")),
        [typeof(V2ProductPage)] = new V2ProductPage([Product], new V2Pagination(null, null)),
        [typeof(V2PlaceOrderRequest)] = new V2PlaceOrderRequest { Items = [new V2PlaceOrderItem { ProductId = 1, Quantity = 2 }] },
    };
}
