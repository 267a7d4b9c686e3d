namespace Bff.GraphQL.Language;

/// <summary>A type reference: named, list or non-null.</summary>
public abstract class TypeNode(Location? location) : SyntaxNode(location);
