namespace Partner.Bff.V2;

/// <summary>One line of a v2 order.</summary>
/// <param name="ProductId">The product ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">The product's price when the order was placed.</param>
internal sealed record V2OrderItem(int ProductId, int Quantity, V2Money UnitPrice);
