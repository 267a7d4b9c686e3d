namespace Bff.Edge.Configuration;

/// <summary>
/// Header changes on one direction of a route, applied in this order: <see cref="Remove"/>, <see cref="Rename"/>,
/// <see cref="Set"/>, <see cref="Add"/>. Values may use the route's parameters, e.g. <c>"{id}"</c>.
/// </summary>
internal sealed record HeaderTransformsConfig
{
    /// <summary>Header names removed.</summary>
    public IReadOnlyList<string>? Remove { get; init; }

    /// <summary>Old name to new name: a present header moves to the new name (replacing what was there).</summary>
    public IReadOnlyDictionary<string, string>? Rename { get; init; }

    /// <summary>Name to value, replacing any value the header had.</summary>
    public IReadOnlyDictionary<string, string>? Set { get; init; }

    /// <summary>Name to value, appended to any value the header had.</summary>
    public IReadOnlyDictionary<string, string>? Add { get; init; }

    public bool Equals(HeaderTransformsConfig? other) =>
        other is not null
        && ConfigEquality.ListEquals(Remove, other.Remove)
        && ConfigEquality.DictionaryEquals(Rename, other.Rename)
        && ConfigEquality.DictionaryEquals(Set, other.Set)
        && ConfigEquality.DictionaryEquals(Add, other.Add);

    public override int GetHashCode() => HashCode.Combine(
        ConfigEquality.ListHash(Remove), ConfigEquality.DictionaryHash(Rename), ConfigEquality.DictionaryHash(Set), ConfigEquality.DictionaryHash(Add));
}
