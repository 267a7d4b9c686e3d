namespace Bff.Contracts.Reviews;

/// <summary>Values of the <c>sort</c> query parameter of <c>GET /reviews</c>.</summary>
public static class ReviewSort
{
    /// <summary>Newest first (the default).</summary>
    public const string Recent = "recent";

    /// <summary>Highest rating first, then newest.</summary>
    public const string Top = "top";
}
