namespace Bff.GraphQL.Language;

/// <summary>AST node: ObjectTypeDefinition (GraphQL spec grammar production of the same name).</summary>
public sealed class ObjectTypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields, Location? location) : TypeDefinitionNode(description, name, directives, location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}
