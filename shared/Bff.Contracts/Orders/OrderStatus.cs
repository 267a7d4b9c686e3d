namespace Bff.Contracts.Orders;

/// <summary>The values of <see cref="Order.Status"/> (sent as lower-case strings).</summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    /// <summary>Every status, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Paid, Shipped, Delivered, Cancelled];
}
