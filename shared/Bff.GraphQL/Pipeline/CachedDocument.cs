using Bff.GraphQL.Language;

namespace Bff.GraphQL.Pipeline;

/// <summary>A parsed document with its validation outcome, cached by query text.</summary>
internal sealed record CachedDocument(DocumentNode? Document, IReadOnlyList<GraphQLError> Errors);
