using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;

namespace Bff.Clients.Products;

/// <summary>Typed client of the products service (<c>DomainServices:Products:BaseUrl</c>, default port 5203).</summary>
public interface IProductsClient
{
    /// <summary><c>GET /products/{id}</c>; a non-positive id is refused without a call.</summary>
    Task<ServiceResult<Product>> GetProductAsync(int id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /products?ids=</c>; duplicates dropped, more than 100 ids split into several calls.</summary>
    Task<ServiceResult<BatchResult<Product>>> GetProductsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default);

    /// <summary><c>GET /products?category=&amp;q=&amp;minPrice=&amp;maxPrice=&amp;limit=&amp;cursor=</c>.</summary>
    Task<ServiceResult<Page<Product>>> ListProductsAsync(ProductQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /products/categories</c>.</summary>
    Task<ServiceResult<ItemList<string>>> GetCategoriesAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /products/recommended?userId=&amp;limit=</c>: limit 1..20 (service default 4).</summary>
    Task<ServiceResult<ItemList<Product>>> GetRecommendedAsync(int userId, int? limit = null, CancellationToken cancellationToken = default);
}
