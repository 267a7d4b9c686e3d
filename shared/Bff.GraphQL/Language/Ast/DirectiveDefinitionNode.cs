namespace Bff.GraphQL.Language;

/// <summary>AST node: DirectiveDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class DirectiveDefinitionNode(StringValueNode? description, string name, IReadOnlyList<InputValueDefinitionNode> arguments, bool repeatable, IReadOnlyList<string> locations, Location? location) : TypeSystemDefinitionNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    public StringValueNode? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    public bool Repeatable { get; } = repeatable;

    public IReadOnlyList<string> Locations { get; } = locations;
}
