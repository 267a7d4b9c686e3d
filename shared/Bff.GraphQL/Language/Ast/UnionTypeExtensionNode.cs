namespace Bff.GraphQL.Language;

/// <summary>AST node: UnionTypeExtension (GraphQL spec grammar production of the same name).</summary>
public sealed class UnionTypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location? location) : TypeExtensionNode(name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}
