namespace Bff.GraphQL.Language;

/// <summary>AST node: Variable (GraphQL spec grammar production of the same name).</summary>
public sealed class VariableNode(string name, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public string Name { get; } = name;
}
