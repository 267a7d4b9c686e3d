namespace Bff.GraphQL.Language;

/// <summary>AST node: OperationTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class OperationTypeDefinitionNode(OperationType operation, NamedTypeNode type, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; } = operation;

    public NamedTypeNode Type { get; } = type;
}
