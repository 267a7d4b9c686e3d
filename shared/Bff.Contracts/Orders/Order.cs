namespace Bff.Contracts.Orders;

/// <summary>An order with its line items; <see cref="Status"/> is one of <see cref="OrderStatus"/>.</summary>
public sealed record Order(
    int Id,
    int UserId,
    string Status,
    DateTimeOffset CreatedAt,
    decimal Total,
    string Currency,
    IReadOnlyList<OrderItem> Items);
