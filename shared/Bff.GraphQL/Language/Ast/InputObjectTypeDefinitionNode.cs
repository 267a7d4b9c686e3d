namespace Bff.GraphQL.Language;

/// <summary>AST node: InputObjectTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class InputObjectTypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location? location) : TypeDefinitionNode(description, name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}
