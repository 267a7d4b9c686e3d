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

    /// <summary>For list fields: how many items one call is assumed to return in the complexity estimate; default 10.</summary>
    public int ListSizeEstimate { get; internal set; } = 10;
}
