namespace Bff.GraphQL.Language;

/// <summary>AST node: FloatValue (GraphQL spec grammar production of the same name).</summary>
public sealed class FloatValueNode(string value, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public string Value { get; } = value;
}
