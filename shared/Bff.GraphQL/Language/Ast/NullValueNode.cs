namespace Bff.GraphQL.Language;

/// <summary>AST node: NullValue (GraphQL spec grammar production of the same name).</summary>
public sealed class NullValueNode(Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}
