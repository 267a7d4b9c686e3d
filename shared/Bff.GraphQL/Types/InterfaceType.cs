namespace Bff.GraphQL.Types;

/// <summary>An interface type (spec 3.7); may implement other interfaces.</summary>
public sealed class InterfaceType : NamedType, IComplexOutputType
{
    internal InterfaceType(string name, string? description)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    public NamedCollection<FieldDefinition> Fields { get; } = new();

    public IReadOnlyList<InterfaceType> Interfaces => InterfaceList;

    /// <summary>Maps a resolved value to the name of its object type; if null the schema's default strategy is used.</summary>
    public Func<object, string?>? ResolveType { get; internal set; }

    internal List<InterfaceType> InterfaceList { get; } = [];
}
