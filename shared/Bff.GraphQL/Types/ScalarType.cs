using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>
/// A scalar type (spec 3.5) defined by three coercions: result (<see cref="Serialize"/>), variable input
/// (<see cref="ParseValue"/>) and literal input (<see cref="ParseLiteral"/>). Each throws
/// <see cref="GraphQLException"/> with a message when the value cannot be represented.
/// </summary>
public sealed class ScalarType : NamedType
{
    /// <summary>Creates a custom scalar; by default it passes values through unchanged and accepts any literal.</summary>
    public ScalarType(
        string name,
        string? description = null,
        Func<object, object?>? serialize = null,
        Func<object, object?>? parseValue = null,
        Func<ValueNode, object?>? parseLiteral = null,
        string? specifiedByUrl = null)
        : base(name, description)
    {
        Serialize = serialize ?? (v => v);
        ParseValue = parseValue ?? (v => v);
        ParseLiteral = parseLiteral ?? Execution.ValueCoercion.LiteralToPlainValue;
        SpecifiedByUrl = specifiedByUrl;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>Internal value to a JSON-compatible result value.</summary>
    public Func<object, object?> Serialize { get; }

    /// <summary>Non-null variable value (JSON-shaped: string, long, double, bool, list, dictionary) to the internal value.</summary>
    public Func<object, object?> ParseValue { get; }

    /// <summary>Non-null, non-variable literal to the internal value.</summary>
    public Func<ValueNode, object?> ParseLiteral { get; }

    /// <summary>URL of the scalar's specification (@specifiedBy).</summary>
    public string? SpecifiedByUrl { get; }
}
