using Mobile.Bff.Sections;

namespace Mobile.Bff.Orders;

/// <summary><c>GET /mobile/orders/{id}</c>: one of the caller's orders with its line items and their product names.</summary>
internal sealed record OrderPageResponse(
    int Id,
    string Status,
    DateTimeOffset CreatedAt,
    decimal Total,
    string Currency,
    IReadOnlyList<OrderLine> Items,
    IReadOnlyDictionary<string, SectionState> Sections,
    IReadOnlyList<string> Degraded);
