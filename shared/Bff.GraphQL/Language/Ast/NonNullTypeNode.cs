namespace Bff.GraphQL.Language;

/// <summary>AST node: NonNullType (GraphQL spec grammar production of the same name).</summary>
public sealed class NonNullTypeNode(TypeNode type, Location? location) : TypeNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public TypeNode Type { get; } = type;
}
