namespace Bff.Clients.Products;

/// <summary>Filters and page of <c>GET /products</c> (id ascending); null filters are left out.</summary>
public sealed record ProductQuery
{
    /// <summary>Only products of this category (see <c>GET /products/categories</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Free-text search in name and description.</summary>
    public string? Q { get; init; }

    /// <summary>Lowest price, inclusive.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Highest price, inclusive.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>Items per page, 1..100 (service default 20).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; init; }
}
