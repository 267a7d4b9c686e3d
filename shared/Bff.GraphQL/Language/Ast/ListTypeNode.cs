namespace Bff.GraphQL.Language;

/// <summary>AST node: ListType (GraphQL spec grammar production of the same name).</summary>
public sealed class ListTypeNode(TypeNode type, Location? location) : TypeNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public TypeNode Type { get; } = type;
}
