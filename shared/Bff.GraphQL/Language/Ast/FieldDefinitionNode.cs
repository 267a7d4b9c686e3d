namespace Bff.GraphQL.Language;

/// <summary>AST node: FieldDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class FieldDefinitionNode(StringValueNode? description, string name, IReadOnlyList<InputValueDefinitionNode> arguments, TypeNode type, IReadOnlyList<DirectiveNode> directives, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    public TypeNode Type { get; } = type;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
