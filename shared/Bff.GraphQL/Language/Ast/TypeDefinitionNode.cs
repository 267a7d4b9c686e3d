namespace Bff.GraphQL.Language;

/// <summary>A named type definition (scalar, object, interface, union, enum, input object).</summary>
public abstract class TypeDefinitionNode(StringValueNode? description, string name, IReadOnlyList<DirectiveNode> directives, Location? location)
    : TypeSystemDefinitionNode(location)
{
    public StringValueNode? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
