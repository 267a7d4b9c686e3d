namespace Bff.GraphQL.Language;

/// <summary>A schema, type or directive definition (SDL).</summary>
public abstract class TypeSystemDefinitionNode(Location? location) : DefinitionNode(location);
