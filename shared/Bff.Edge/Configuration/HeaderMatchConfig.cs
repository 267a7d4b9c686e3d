namespace Bff.Edge.Configuration;

/// <summary>A request header condition.</summary>
internal sealed record HeaderMatchConfig
{
    /// <summary>Header name. Required.</summary>
    public string? Name { get; init; }

    /// <summary>Accepted values (case-insensitive, exact); when empty the header only has to be present.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>How <see cref="Values"/> are compared; default <see cref="HeaderMatchMode.Exact"/>.</summary>
    public HeaderMatchMode Mode { get; init; }

    public bool Equals(HeaderMatchConfig? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && ConfigEquality.ListEquals(Values, other.Values)
        && Mode == other.Mode;

    public override int GetHashCode() => HashCode.Combine(Name, ConfigEquality.ListHash(Values), Mode);
}
