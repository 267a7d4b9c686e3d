namespace Bff.GraphQL.Types;

/// <summary>Configures a union type.</summary>
public sealed class UnionTypeBuilder
{
    internal UnionTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<string> Members { get; } = [];

    internal Func<object, string?>? ResolveTypeFunc { get; private set; }

    public UnionTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds member object types by name.</summary>
    public UnionTypeBuilder Types(params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members.AddRange(members.Where(m => !Members.Contains(m)));
        return this;
    }

    /// <summary>Maps a value to the name of its object type.</summary>
    public UnionTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        ResolveTypeFunc = resolveType;
        return this;
    }
}
