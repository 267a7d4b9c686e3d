namespace Bff.GraphQL.Language;

/// <summary>AST node: EnumTypeExtension (GraphQL spec grammar production of the same name).</summary>
public sealed class EnumTypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location? location) : TypeExtensionNode(name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}
