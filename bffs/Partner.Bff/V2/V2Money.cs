namespace Partner.Bff.V2;

/// <summary>An amount of money: v2 never sends a bare number without its currency.</summary>
/// <param name="Amount">The amount, a decimal number with at most 2 fraction digits.</param>
/// <param name="Currency">ISO-4217 currency code.</param>
internal sealed record V2Money(decimal Amount, string Currency);
