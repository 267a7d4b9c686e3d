namespace Bff.Edge.Configuration;

/// <summary>
/// Query parameter changes on the forwarded request, applied in this order: <see cref="Remove"/>, <see cref="Set"/>,
/// <see cref="Add"/>. Names compare case-insensitively (as ASP.NET Core upstreams read them); values may use the
/// route's parameters (<c>"{id}"</c>) and are URL-encoded by the edge.
/// </summary>
internal sealed record QueryTransformsConfig
{
    /// <summary>Parameters removed (every occurrence).</summary>
    public IReadOnlyList<string>? Remove { get; init; }

    /// <summary>Name to value: every occurrence the client sent is replaced by this one.</summary>
    public IReadOnlyDictionary<string, string>? Set { get; init; }

    /// <summary>Name to value, appended after what the client sent.</summary>
    public IReadOnlyDictionary<string, string>? Add { get; init; }

    public bool Equals(QueryTransformsConfig? other) =>
        other is not null
        && ConfigEquality.ListEquals(Remove, other.Remove)
        && ConfigEquality.DictionaryEquals(Set, other.Set)
        && ConfigEquality.DictionaryEquals(Add, other.Add);

    public override int GetHashCode() =>
        HashCode.Combine(ConfigEquality.ListHash(Remove), ConfigEquality.DictionaryHash(Set), ConfigEquality.DictionaryHash(Add));
}
