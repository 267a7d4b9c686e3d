namespace Bff.GraphQL.Language;

/// <summary>AST node: InputObjectTypeExtension (GraphQL spec grammar production of the same name).</summary>
public sealed class InputObjectTypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location? location) : TypeExtensionNode(name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}
