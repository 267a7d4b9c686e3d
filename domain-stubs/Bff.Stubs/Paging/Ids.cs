using System.Globalization;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Paging;

/// <summary>Parses ids: positive 32-bit integers written as plain digits (no sign, no decimals, no spaces).</summary>
internal static class Ids
{
    public const int MaxBatch = 100;

    public static bool TryParse(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static Parsed<int> Parse(string? text, string name) =>
        TryParse(text, out var id)
            ? Parsed<int>.Ok(id)
            : Parsed<int>.Fail(StubProblems.InvalidId($"{name} must be a positive integer; got '{text}'."));

    /// <summary>Reads an optional id from the query string; absent gives null.</summary>
    public static Parsed<int?> ReadOptional(HttpRequest request, string name)
    {
        var raw = request.Query[name];
        if (raw.Count == 0)
        {
            return Parsed<int?>.Ok(null);
        }

        var parsed = raw.Count == 1 ? Parse(raw[0], name) : Parse(raw.ToString(), name);
        return parsed.Failed ? Parsed<int?>.Fail(parsed.Problem!) : Parsed<int?>.Ok(parsed.Value);
    }

    /// <summary>Parses <c>1,2,3</c>: 1..100 distinct positive ids, in the order given.</summary>
    public static Parsed<IReadOnlyList<int>> ParseList(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Parsed<IReadOnlyList<int>>.Fail(StubProblems.InvalidId($"{name} must list 1 to {MaxBatch} positive integers."));
        }

        var parts = text.Split(',');
        if (parts.Length > MaxBatch)
        {
            return Parsed<IReadOnlyList<int>>.Fail(StubProblems.TooManyIds(MaxBatch));
        }

        var ids = new List<int>(parts.Length);
        var seen = new HashSet<int>();
        foreach (var part in parts)
        {
            if (!TryParse(part, out var id))
            {
                return Parsed<IReadOnlyList<int>>.Fail(StubProblems.InvalidId($"{name} must list positive integers; got '{part}'."));
            }

            if (!seen.Add(id))
            {
                return Parsed<IReadOnlyList<int>>.Fail(StubProblems.InvalidId($"{name} lists {id} twice."));
            }

            ids.Add(id);
        }

        return Parsed<IReadOnlyList<int>>.Ok(ids);
    }
}
