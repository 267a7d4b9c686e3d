namespace Bff.GraphQL.Language;

/// <summary>AST node: ObjectField (GraphQL spec grammar production of the same name).</summary>
public sealed class ObjectFieldNode(string name, ValueNode value, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public string Name { get; } = name;

    public ValueNode Value { get; } = value;
}
