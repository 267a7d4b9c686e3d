using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation;

/// <summary>A variable used somewhere, with the input type expected there and whether that location has a default.</summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, bool LocationHasDefault);
