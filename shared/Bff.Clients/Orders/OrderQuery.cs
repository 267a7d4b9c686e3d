namespace Bff.Clients.Orders;

/// <summary>Filters and page of <c>GET /orders</c> (newest first, then id descending); null filters are left out.</summary>
public sealed record OrderQuery
{
    /// <summary>Only this user's orders.</summary>
    public int? UserId { get; init; }

    /// <summary>Only orders in this status (see <c>Bff.Contracts.Orders.OrderStatus</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Items per page, 1..100 (service default 20).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; init; }
}
