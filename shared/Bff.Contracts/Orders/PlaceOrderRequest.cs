namespace Bff.Contracts.Orders;

/// <summary>Body of <c>POST /orders</c>.</summary>
public sealed record PlaceOrderRequest(int UserId, IReadOnlyList<PlaceOrderItem>? Items);
