namespace Partner.Bff.V1;

/// <summary>One line of a v1 order.</summary>
/// <param name="ProductId">The product ordered.</param>
/// <param name="Qty">How many.</param>
/// <param name="UnitPrice">The product's price when the order was placed, in the order's currency.</param>
internal sealed record V1OrderLine(int ProductId, int Qty, decimal UnitPrice);
