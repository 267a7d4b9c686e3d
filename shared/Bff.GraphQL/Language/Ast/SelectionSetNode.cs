namespace Bff.GraphQL.Language;

/// <summary>AST node: SelectionSet (GraphQL spec grammar production of the same name).</summary>
public sealed class SelectionSetNode(IReadOnlyList<SelectionNode> selections, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; } = selections;
}
