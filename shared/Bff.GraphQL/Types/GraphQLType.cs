namespace Bff.GraphQL.Types;

/// <summary>Any type: a named type or a List/Non-Null wrapper around one.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    /// <summary>The named type under all wrappers.</summary>
    public abstract NamedType Named { get; }

    public bool IsNonNull => Kind == TypeKind.NonNull;

    public bool IsList => Kind == TypeKind.List;

    /// <summary>The type without its outer Non-Null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType n ? n.OfType : this;

    /// <summary>Scalars, enums and input objects (and wrappers of them) can be inputs.</summary>
    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    /// <summary>Everything but input objects can be an output.</summary>
    public bool IsOutputType => Named.Kind is not TypeKind.InputObject;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    /// <summary>Structural equality of type references (spec: AreTypesCompatible / isEqualType).</summary>
    public bool IsSameType(GraphQLType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return (this, other) switch
        {
            (NonNullType a, NonNullType b) => a.OfType.IsSameType(b.OfType),
            (ListType a, ListType b) => a.OfType.IsSameType(b.OfType),
            _ => false,
        };
    }
}
