namespace Bff.GraphQL.Language;

/// <summary>AST node: ListValue (GraphQL spec grammar production of the same name).</summary>
public sealed class ListValueNode(IReadOnlyList<ValueNode> values, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public IReadOnlyList<ValueNode> Values { get; } = values;
}
