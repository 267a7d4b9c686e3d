namespace Bff.GraphQL.Language;

/// <summary>AST node: Argument (GraphQL spec grammar production of the same name).</summary>
public sealed class ArgumentNode(string name, ValueNode value, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public string Name { get; } = name;

    public ValueNode Value { get; } = value;
}
