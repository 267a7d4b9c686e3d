namespace Bff.GraphQL.Language;

/// <summary>AST node: Field (GraphQL spec grammar production of the same name).</summary>
public sealed class FieldNode(string? alias, string name, IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<DirectiveNode> directives, SelectionSetNode? selectionSet, Location? location) : SelectionNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Field;

    public string? Alias { get; } = alias;

    public string Name { get; } = name;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public SelectionSetNode? SelectionSet { get; } = selectionSet;

    /// <summary>The key of this field in the response: the alias if present, else the name.</summary>
    public string ResponseName => Alias ?? Name;
}
