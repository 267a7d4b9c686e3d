namespace Bff.GraphQL.Language;

/// <summary>AST node: NamedType (GraphQL spec grammar production of the same name).</summary>
public sealed class NamedTypeNode(string name, Location? location) : TypeNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public string Name { get; } = name;
}
