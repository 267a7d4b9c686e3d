namespace Partner.Bff.V1;

/// <summary>The examples of the v1 OpenAPI document, one per contract type.</summary>
internal static class V1Examples
{
    private static readonly V1Order Order = new(
        10001, "pending", new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), 59.98m, "EUR", [new V1OrderLine(1, 2, 29.99m)]);

    private static readonly V1Product Product = new(1, "Ergonomic Steel Chair", "A chair for long days.", "Home & Kitchen", 129.9m, "EUR", 42, true);

    public static IReadOnlyDictionary<Type, object> All { get; } = new Dictionary<Type, object>
    {
        [typeof(V1Order)] = Order,
        [typeof(V1Product)] = Product,
        [typeof(V1OrderPage)] = new V1OrderPage([Order], "eyJ2ZXJzaW9uIjoidjEi...", "/partner/v1/orders?limit=1&cursor=eyJ2ZXJzaW9uIjoidjEi..."),
        [typeof(V1ProductPage)] = new V1ProductPage([Product], null, null),
        [typeof(V1PlaceOrderRequest)] = new V1PlaceOrderRequest { Lines = [new V1PlaceOrderLine { ProductId = 1, Qty = 2 }] },
    };
}
