using Partner.Bff.OpenApi;

namespace Partner.Bff.V2;

/// <summary>One item of a v2 order to place.</summary>
[ClosedContract]
internal sealed record V2PlaceOrderItem
{
    /// <summary>An existing product id (positive integer).</summary>
    public required int ProductId { get; init; }

    /// <summary>How many, 1 to 100.</summary>
    public required int Quantity { get; init; }
}
