namespace Bff.GraphQL.Language;

/// <summary>AST node: Document (GraphQL spec grammar production of the same name).</summary>
public sealed class DocumentNode(IReadOnlyList<DefinitionNode> definitions, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Document;

    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;
}
