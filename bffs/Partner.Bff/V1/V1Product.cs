namespace Partner.Bff.V1;

/// <summary>A catalogue product (v1 shape).</summary>
/// <param name="ProductId">The product id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Longer description.</param>
/// <param name="Category">Category name.</param>
/// <param name="Price">Current price in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO-4217 currency code.</param>
/// <param name="Stock">Units in stock.</param>
/// <param name="InStock">True when at least one unit is in stock.</param>
internal sealed record V1Product(int ProductId, string Name, string Description, string Category, decimal Price, string Currency, int Stock, bool InStock);
