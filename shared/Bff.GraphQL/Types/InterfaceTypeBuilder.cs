namespace Bff.GraphQL.Types;

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(string name)
        : base(name)
    {
    }

    internal Func<object, string?>? ResolveTypeFunc { get; private set; }

    /// <summary>Maps a value to the name of its object type (otherwise __typename keys, BindClr and IsTypeOf are tried).</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        ResolveTypeFunc = resolveType;
        return this;
    }
}
