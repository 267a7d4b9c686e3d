using System.Globalization;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Paging;

/// <summary>Reads a <c>?limit=</c> query parameter: an integer within 1..max, or the default when absent.</summary>
internal static class Limits
{
    public static Parsed<int> Read(HttpRequest request, int defaultLimit, int max)
    {
        var raw = request.Query["limit"];
        if (raw.Count == 0)
        {
            return Parsed<int>.Ok(defaultLimit);
        }

        return raw.Count == 1
            && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            && limit is >= 1 && limit <= max
            ? Parsed<int>.Ok(limit)
            : Parsed<int>.Fail(StubProblems.InvalidLimit(max));
    }
}
