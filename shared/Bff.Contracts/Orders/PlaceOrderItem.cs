namespace Bff.Contracts.Orders;

/// <summary>One line of a <see cref="PlaceOrderRequest"/>; quantity 1..100.</summary>
public sealed record PlaceOrderItem(int ProductId, int Quantity);
