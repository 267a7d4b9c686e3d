namespace Bff.GraphQL.Language;

/// <summary>AST node: ScalarTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class ScalarTypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, Location? location) : TypeDefinitionNode(description, name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;
}
