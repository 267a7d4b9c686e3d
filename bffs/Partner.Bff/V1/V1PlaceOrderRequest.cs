namespace Partner.Bff.V1;

/// <summary>Body of <c>POST /partner/v1/orders</c>. Members v1 does not know are ignored.</summary>
internal sealed record V1PlaceOrderRequest
{
    /// <summary>1 to 50 lines, each product once.</summary>
    public required IReadOnlyList<V1PlaceOrderLine> Lines { get; init; }
}
