namespace Bff.GraphQL.Language;

/// <summary>AST node: EnumTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class EnumTypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location? location) : TypeDefinitionNode(description, name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}
