namespace Partner.Bff.V1;

/// <summary>One line of a v1 order to place.</summary>
internal sealed record V1PlaceOrderLine
{
    /// <summary>An existing product id (positive integer).</summary>
    public required int ProductId { get; init; }

    /// <summary>How many, 1 to 100.</summary>
    public required int Qty { get; init; }
}
