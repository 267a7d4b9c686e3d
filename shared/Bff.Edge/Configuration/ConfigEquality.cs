namespace Bff.Edge.Configuration;

/// <summary>
/// Value equality for the collections inside config records, so a reload can tell an unchanged
/// route or cluster from a changed one (records compare collections by reference otherwise).
/// </summary>
internal static class ConfigEquality
{
    public static bool ListEquals<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool DictionaryEquals<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !comparer.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    public static int ListHash<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        if (list is not null)
        {
            foreach (var item in list)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }

    public static int DictionaryHash<T>(IReadOnlyDictionary<string, T>? dictionary)
    {
        // Order-independent: XOR of per-entry hashes.
        var result = 0;
        if (dictionary is not null)
        {
            foreach (var (key, value) in dictionary)
            {
                result ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
            }
        }

        return result;
    }
}
