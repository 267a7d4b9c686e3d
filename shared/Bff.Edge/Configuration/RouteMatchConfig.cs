namespace Bff.Edge.Configuration;

/// <summary>What a request must look like to take a route.</summary>
internal sealed record RouteMatchConfig
{
    /// <summary>
    /// Path template, matched case-insensitively on the decoded, normalized path: literal segments,
    /// <c>{name}</c> for one segment, and a final <c>{**name}</c> for the rest (zero or more segments).
    /// Example: <c>/partner/{version}/{**rest}</c>. Required.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>HTTP methods (any when empty).</summary>
    public IReadOnlyList<string>? Methods { get; init; }

    /// <summary>Host header values, without port unless the port matters; <c>*.example.com</c> matches subdomains. Any when empty.</summary>
    public IReadOnlyList<string>? Hosts { get; init; }

    /// <summary>Headers that must be present (all of them).</summary>
    public IReadOnlyList<HeaderMatchConfig>? Headers { get; init; }

    public bool Equals(RouteMatchConfig? other) =>
        other is not null
        && string.Equals(Path, other.Path, StringComparison.Ordinal)
        && ConfigEquality.ListEquals(Methods, other.Methods)
        && ConfigEquality.ListEquals(Hosts, other.Hosts)
        && ConfigEquality.ListEquals(Headers, other.Headers);

    public override int GetHashCode() =>
        HashCode.Combine(Path, ConfigEquality.ListHash(Methods), ConfigEquality.ListHash(Hosts), ConfigEquality.ListHash(Headers));
}
