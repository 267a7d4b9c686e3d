namespace Bff.Edge.Transforms;

/// <summary>One compiled query change; <see cref="EncodedName"/> and a constant value's encoding are computed at load.</summary>
internal sealed class QueryTransform
{
    private readonly string? _encodedConstant;

    public QueryTransform(TransformKind kind, string name, ValueTemplate? value)
    {
        Kind = kind;
        Name = name;
        EncodedName = Uri.EscapeDataString(name);
        Value = value;
        _encodedConstant = value?.Constant is { } constant ? Uri.EscapeDataString(constant) : null;
    }

    public TransformKind Kind { get; }

    /// <summary>The decoded name, compared case-insensitively with the client's parameters.</summary>
    public string Name { get; }

    public string EncodedName { get; }

    public ValueTemplate? Value { get; }

    public string EncodedValue(string[]? routeValues) =>
        _encodedConstant ?? Uri.EscapeDataString(Value!.Render(routeValues, escapeRouteValues: false));
}
