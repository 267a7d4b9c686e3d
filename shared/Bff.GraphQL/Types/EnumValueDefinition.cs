namespace Bff.GraphQL.Types;

/// <summary>One value of an enum type; <see cref="Value"/> is the internal (CLR) value resolvers see and return.</summary>
public sealed class EnumValueDefinition : INamedItem
{
    internal EnumValueDefinition(string name, object value, string? description, string? deprecationReason)
    {
        Name = name;
        Value = value;
        Description = description;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    public object Value { get; }

    public string? Description { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;
}
