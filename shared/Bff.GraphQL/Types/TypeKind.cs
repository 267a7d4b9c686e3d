namespace Bff.GraphQL.Types;

/// <summary>The kinds of types (spec section 4.2.6, __TypeKind).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
