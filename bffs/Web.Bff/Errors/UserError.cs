namespace Web.Bff.Errors;

/// <summary>
/// A mistake in a mutation's input the user can fix (the <c>userErrors</c> payload pattern): answered as data,
/// not as a GraphQL error, so the form can show it next to the field.
/// </summary>
/// <param name="Field">Path of the input field, from the argument (<c>["input", "items", "1", "quantity"]</c>); null for the whole input.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Code">What is wrong, for code (<c>INVALID</c>, <c>UNKNOWN_PRODUCT</c>...).</param>
internal sealed record UserError(IReadOnlyList<string>? Field, string Message, string Code);
