using Bff.Contracts.Orders;

namespace Web.Bff.Schema;

/// <summary>A line item with the currency of its order (the domain line carries none).</summary>
internal sealed record OrderLine(OrderItem Item, string Currency);
