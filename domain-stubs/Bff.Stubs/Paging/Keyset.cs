using Bff.Contracts.Paging;

namespace Bff.Stubs.Paging;

/// <summary>Cuts a page out of a list kept in ascending <see cref="SortKey"/> order, resuming after the cursor's key.</summary>
internal static class Keyset
{
    public static Page<T> Page<T>(
        IReadOnlyList<T> sorted,
        Func<T, SortKey> keyOf,
        Func<T, bool> include,
        PageQuery query,
        CursorCodec cursors)
    {
        var start = query.After is { } after ? FirstAfter(sorted, keyOf, after) : 0;
        var items = new List<T>(query.Limit);
        var index = start;
        for (; index < sorted.Count && items.Count < query.Limit; index++)
        {
            if (include(sorted[index]))
            {
                items.Add(sorted[index]);
            }
        }

        var more = false;
        for (; index < sorted.Count && !more; index++)
        {
            more = include(sorted[index]);
        }

        var next = more ? cursors.Encode(query.Scope, keyOf(items[^1])) : null;
        return new Page<T>(items, next);
    }

    private static int FirstAfter<T>(IReadOnlyList<T> sorted, Func<T, SortKey> keyOf, SortKey after)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (keyOf(sorted[mid]) <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
