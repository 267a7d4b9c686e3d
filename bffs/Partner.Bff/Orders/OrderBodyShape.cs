namespace Partner.Bff.Orders;

/// <summary>The field names of one version's order body, and whether fields it does not know are refused.</summary>
/// <param name="Lines">The array of lines (v1 <c>lines</c>, v2 <c>items</c>).</param>
/// <param name="ProductId">A line's product id.</param>
/// <param name="Quantity">A line's quantity (v1 <c>qty</c>, v2 <c>quantity</c>).</param>
/// <param name="RejectUnknownFields">True to answer 400 <c>unknown_field</c> for any other member.</param>
internal sealed record OrderBodyShape(string Lines, string ProductId, string Quantity, bool RejectUnknownFields)
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;
}
