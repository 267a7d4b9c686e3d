namespace Bff.GraphQL.Pipeline;

/// <summary>How deep a selection is inside introspection: <c>ofType</c> levels and type-list levels on its path.</summary>
internal readonly record struct IntrospectionNesting(int OfType, int TypeLists);
