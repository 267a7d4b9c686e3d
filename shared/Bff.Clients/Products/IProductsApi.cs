using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Refit;

namespace Bff.Clients.Products;

/// <summary>The HTTP contract of the products service (domain-api.md); Refit generates its implementation at build time.</summary>
internal interface IProductsApi
{
    [Get("/products/{id}")]
    Task<IApiResponse<Product>> GetProduct(int id, CancellationToken cancellationToken);

    // Commas stay literal: the services split ids on them, and they are legal in a query (RFC 3986 sub-delims).
    [Get("/products")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<BatchResult<Product>>> GetProducts([Query(CollectionFormat.Csv)] IEnumerable<int> ids, CancellationToken cancellationToken);

    [Get("/products")]
    Task<IApiResponse<Page<Product>>> ListProducts(
        string? category,
        string? q,
        decimal? minPrice,
        decimal? maxPrice,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken);

    [Get("/products/categories")]
    Task<IApiResponse<ItemList<string>>> GetCategories(CancellationToken cancellationToken);

    [Get("/products/recommended")]
    Task<IApiResponse<ItemList<Product>>> GetRecommended(int userId, int? limit, CancellationToken cancellationToken);
}
