namespace Bff.GraphQL.Language;

/// <summary>AST node: ObjectTypeExtension (GraphQL spec grammar production of the same name).</summary>
public sealed class ObjectTypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields, Location? location) : TypeExtensionNode(name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}
