namespace Bff.GraphQL.Language;

/// <summary>AST node: FragmentDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class FragmentDefinitionNode(string name, NamedTypeNode typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location? location) : ExecutableDefinitionNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public string Name { get; } = name;

    public NamedTypeNode TypeCondition { get; } = typeCondition;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
