namespace Bff.GraphQL.Language;

/// <summary>AST node: EnumValue (GraphQL spec grammar production of the same name).</summary>
public sealed class EnumValueNode(string value, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public string Value { get; } = value;
}
