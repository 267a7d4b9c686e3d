namespace Bff.GraphQL.Types;

/// <summary>A union type (spec 3.8).</summary>
public sealed class UnionType : NamedType
{
    internal UnionType(string name, string? description)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types => TypeList;

    /// <summary>Maps a resolved value to the name of its object type; if null the schema's default strategy is used.</summary>
    public Func<object, string?>? ResolveType { get; internal set; }

    internal List<ObjectType> TypeList { get; } = [];
}
