using Bff.Contracts.Reviews;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Reviews;

/// <summary>Reads <c>?sort=</c> of the review lists: <c>recent</c> (default) or <c>top</c>.</summary>
internal static class ReviewSorts
{
    public static Parsed<string> Read(HttpRequest request)
    {
        var sort = request.Query["sort"].ToString();
        if (sort.Length == 0)
        {
            return Parsed<string>.Ok(ReviewSort.Recent);
        }

        return sort is ReviewSort.Recent or ReviewSort.Top
            ? Parsed<string>.Ok(sort)
            : Parsed<string>.Fail(StubProblems.InvalidQuery($"sort must be '{ReviewSort.Recent}' or '{ReviewSort.Top}'; got '{sort}'."));
    }

    /// <summary>Scope of the list cursors of one product's reviews in one order.</summary>
    public static string Scope(int? productId, string sort) => $"reviews|{productId}|{sort}";
}
