namespace Mobile.Bff.Orders;

/// <summary>One line of an order; <see cref="Name"/> is left out when the products section is missing.</summary>
internal sealed record OrderLine(int ProductId, string? Name, int Quantity, decimal UnitPrice);
