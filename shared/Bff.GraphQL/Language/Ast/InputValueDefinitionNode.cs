namespace Bff.GraphQL.Language;

/// <summary>AST node: InputValueDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class InputValueDefinitionNode(StringValueNode? description, string name, TypeNode type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; } = description;

    public string Name { get; } = name;

    public TypeNode Type { get; } = type;

    public ValueNode? DefaultValue { get; } = defaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
