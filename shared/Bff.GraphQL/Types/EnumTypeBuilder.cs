namespace Bff.GraphQL.Types;

/// <summary>Configures an enum type.</summary>
public sealed class EnumTypeBuilder
{
    internal EnumTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<(string Name, object Value, string? Description, string? Deprecation)> Values { get; } = [];

    public EnumTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds a value; its internal value defaults to its name.</summary>
    public EnumTypeBuilder Value(string name, object? value = null, string? description = null, string? deprecationReason = null)
    {
        Values.RemoveAll(v => v.Name == name);
        Values.Add((name, value ?? name, description, deprecationReason));
        return this;
    }
}
