using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>Everything <see cref="Executor.ExecuteAsync"/> needs for one already parsed (and validated) document.</summary>
public sealed class ExecutionRequest
{
    public required Schema Schema { get; init; }

    public required DocumentNode Document { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Raw variable values, JSON-shaped (see <see cref="ValueCoercion.JsonToClr"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The source of root fields.</summary>
    public object? RootValue { get; init; }

    public IServiceProvider? Services { get; init; }

    /// <summary>Per-request state visible to resolvers as <see cref="IResolverContext.Items"/>.</summary>
    public IDictionary<string, object?>? Items { get; init; }

    public CancellationToken CancellationToken { get; init; }
}
