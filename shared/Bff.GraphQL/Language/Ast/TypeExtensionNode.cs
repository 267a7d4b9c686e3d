namespace Bff.GraphQL.Language;

/// <summary>A named type extension (<c>extend type ...</c>).</summary>
public abstract class TypeExtensionNode(string name, IReadOnlyList<DirectiveNode> directives, Location? location)
    : TypeSystemExtensionNode(location)
{
    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
