namespace Bff.GraphQL.Language;

/// <summary>AST node: EnumValueDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class EnumValueDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
