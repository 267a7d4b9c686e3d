using Bff.GraphQL.Execution;

namespace Bff.GraphQL.Types;

/// <summary>Resolves a field's value asynchronously (the usual case: resolvers call services).</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Resolves a field's value synchronously (cheap projections of the parent object).</summary>
public delegate object? SyncFieldResolver(IResolverContext context);
