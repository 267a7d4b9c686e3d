namespace Bff.GraphQL.Language;

/// <summary>AST node: BooleanValue (GraphQL spec grammar production of the same name).</summary>
public sealed class BooleanValueNode(bool value, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; } = value;
}
