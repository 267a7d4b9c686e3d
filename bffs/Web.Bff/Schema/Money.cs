namespace Web.Bff.Schema;

/// <summary>An amount in a currency (prices, totals).</summary>
internal sealed record Money(decimal Amount, string Currency);
