namespace Bff.GraphQL.Language;

/// <summary>A schema or type extension (SDL).</summary>
public abstract class TypeSystemExtensionNode(Location? location) : DefinitionNode(location);
