using Bff.Stubs.Problems;

namespace Bff.Stubs.Paging;

/// <summary>The <c>limit</c> and decoded <c>cursor</c> of a list request.</summary>
internal readonly record struct PageQuery(int Limit, SortKey? After, string Scope)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Reads <c>?limit=</c> (1..100, default 20) and <c>?cursor=</c>, the latter checked against <paramref name="scope"/>.</summary>
    public static Parsed<PageQuery> Read(HttpRequest request, CursorCodec cursors, string scope)
    {
        var limit = Limits.Read(request, DefaultLimit, MaxLimit);
        if (limit.Failed)
        {
            return Parsed<PageQuery>.Fail(limit.Problem!);
        }

        var raw = request.Query["cursor"];
        if (raw.Count == 0)
        {
            return Parsed<PageQuery>.Ok(new PageQuery(limit.Value, null, scope));
        }

        return raw.Count == 1 && !string.IsNullOrEmpty(raw[0]) && cursors.TryDecode(raw[0]!, scope, out var after)
            ? Parsed<PageQuery>.Ok(new PageQuery(limit.Value, after, scope))
            : Parsed<PageQuery>.Fail(StubProblems.InvalidCursor());
    }
}
