using Partner.Bff.OpenApi;

namespace Partner.Bff.V2;

/// <summary>Body of <c>POST /partner/v2/orders</c>. Any member not listed here is refused with 400 <c>unknown_field</c>.</summary>
[ClosedContract]
internal sealed record V2PlaceOrderRequest
{
    /// <summary>1 to 50 items, each product once.</summary>
    public required IReadOnlyList<V2PlaceOrderItem> Items { get; init; }
}
