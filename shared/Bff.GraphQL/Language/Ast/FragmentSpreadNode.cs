namespace Bff.GraphQL.Language;

/// <summary>AST node: FragmentSpread (GraphQL spec grammar production of the same name).</summary>
public sealed class FragmentSpreadNode(string name, IReadOnlyList<DirectiveNode> directives, Location? location) : SelectionNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
