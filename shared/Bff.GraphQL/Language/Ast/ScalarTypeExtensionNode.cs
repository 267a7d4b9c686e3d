namespace Bff.GraphQL.Language;

/// <summary>AST node: ScalarTypeExtension (GraphQL spec grammar production of the same name).</summary>
public sealed class ScalarTypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, Location? location) : TypeExtensionNode(name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;
}
