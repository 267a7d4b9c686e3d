namespace Bff.GraphQL.Types;

/// <summary>An enum type (spec 3.9).</summary>
public sealed class EnumType : NamedType
{
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];

    internal EnumType(string name, string? description)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    public NamedCollection<EnumValueDefinition> Values { get; } = new();

    /// <summary>Finds the enum value for an internal value (or its name), for result coercion.</summary>
    public EnumValueDefinition? FindByValue(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_byValue.TryGetValue(value, out var v))
        {
            return v;
        }

        return value is string s ? Values[s] : null;
    }

    internal void AddValue(EnumValueDefinition value)
    {
        Values.Add(value);
        _byValue.TryAdd(value.Value, value);
    }
}
