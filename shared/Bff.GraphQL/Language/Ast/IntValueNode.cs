namespace Bff.GraphQL.Language;

/// <summary>AST node: IntValue (GraphQL spec grammar production of the same name).</summary>
public sealed class IntValueNode(string value, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public string Value { get; } = value;
}
