namespace Bff.GraphQL.Execution;

/// <summary>The grouped fields of one selection set for one object type, in response order.</summary>
internal sealed class CollectedFields(CollectedField[] fields)
{
    public CollectedField[] Fields { get; } = fields;

    public string[] Keys { get; } = Array.ConvertAll(fields, f => f.ResponseName);
}
