namespace Bff.GraphQL.Types;

/// <summary>A field of an object or interface type (spec 3.6).</summary>
public sealed class FieldDefinition : INamedItem
{
    internal FieldDefinition(string name, GraphQLType type, NamedCollection<InputValueDefinition> arguments, string? description, string? deprecationReason)
    {
        Name = name;
        Type = type;
        Arguments = arguments;
        Description = description;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public NamedCollection<InputValueDefinition> Arguments { get; }

    public string? Description { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Async resolver, if any.</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>Sync resolver, if any (preferred by the executor: no state machine).</summary>
    public SyncFieldResolver? SyncResolver { get; internal set; }

    /// <summary>Cost of resolving this field once, for the complexity limit; default 1.</summary>
    public int Cost { get; internal set; } = 1;

    /// <summary>
    /// True for a field resolved through a DataLoader: all its parents share one batch, so it costs once where it
    /// appears in the document, not once per parent; false (default) multiplies by the enclosing list estimates.
    /// </summary>
    public bool IsBatched { get; internal set; }

    /// <summary>
    /// An argument whose presence in the document (non-null) stops a batched field from batching, e.g. a page
    /// cursor that is different for each parent; the field then costs per parent again. Null when none.
    /// </summary>
    public string? UnbatchedWith { get; internal set; }

    /// <summary>For list fields: how many items one call is assumed to return in the complexity estimate; default 10.</summary>
    public int ListSizeEstimate { get; internal set; } = 10;
}
