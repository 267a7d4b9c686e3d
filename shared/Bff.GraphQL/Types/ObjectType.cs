namespace Bff.GraphQL.Types;

/// <summary>An object type (spec 3.6).</summary>
public sealed class ObjectType : NamedType, IComplexOutputType
{
    internal ObjectType(string name, string? description)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    public NamedCollection<FieldDefinition> Fields { get; } = new();

    public IReadOnlyList<InterfaceType> Interfaces => InterfaceList;

    /// <summary>Decides whether a resolved value belongs to this type, for abstract type resolution.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    /// <summary>CLR type whose instances are of this GraphQL type, for abstract type resolution.</summary>
    public Type? ClrType { get; internal set; }

    internal List<InterfaceType> InterfaceList { get; } = [];
}
