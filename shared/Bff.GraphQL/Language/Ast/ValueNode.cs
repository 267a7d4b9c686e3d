namespace Bff.GraphQL.Language;

/// <summary>An input value literal or a variable.</summary>
public abstract class ValueNode(Location? location) : SyntaxNode(location);
