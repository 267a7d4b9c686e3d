namespace Bff.GraphQL.Language;

/// <summary>AST node: UnionTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class UnionTypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location? location) : TypeDefinitionNode(description, name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}
