namespace Bff.Clients.Reviews;

/// <summary>Filters and page of <c>GET /reviews</c>; null filters are left out.</summary>
public sealed record ReviewQuery
{
    /// <summary>Only reviews of this product.</summary>
    public int? ProductId { get; init; }

    /// <summary><c>recent</c> (default) or <c>top</c> (rating desc, then newest); see <c>Bff.Contracts.Reviews.ReviewSort</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>Items per page, 1..100 (service default 20).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; init; }
}
