namespace Bff.GraphQL.Language;

/// <summary>An operation or a fragment definition.</summary>
public abstract class ExecutableDefinitionNode(Location? location) : DefinitionNode(location);
