namespace Bff.GraphQL.Language;

/// <summary>AST node: ObjectValue (GraphQL spec grammar production of the same name).</summary>
public sealed class ObjectValueNode(IReadOnlyList<ObjectFieldNode> fields, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public IReadOnlyList<ObjectFieldNode> Fields { get; } = fields;
}
