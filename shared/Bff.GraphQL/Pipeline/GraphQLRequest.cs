namespace Bff.GraphQL;

/// <summary>A GraphQL request as received (GraphQL over HTTP "request parameters").</summary>
public sealed class GraphQLRequest
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>JSON-shaped variable values (dictionaries, lists, string, long, double, bool, null).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
