namespace Bff.GraphQL.Execution;

/// <summary>
/// A GraphQL response (spec section 7): <see cref="Data"/> is absent when the request failed before
/// execution (syntax, validation, variables), null when null propagated to the root.
/// </summary>
public sealed class ExecutionResult
{
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>True when execution started, so <c>data</c> is written (possibly as null).</summary>
    public bool HasData { get; init; }

    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The operation that ran, if one was selected.</summary>
    public Language.OperationType? Operation { get; init; }

    /// <summary>A result for a request refused before execution.</summary>
    public static ExecutionResult FromErrors(params IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    /// <summary>Serializes to the JSON response body.</summary>
    public string ToJson() => ResultJsonWriter.ToJson(this);
}
