namespace Bff.Contracts.Orders;

/// <summary>One line of an order; <see cref="UnitPrice"/> is the product price when the order was placed.</summary>
public sealed record OrderItem(int ProductId, int Quantity, decimal UnitPrice);
