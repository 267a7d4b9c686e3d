using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Products;

/// <summary><see cref="IProductsClient"/> over the Refit <see cref="IProductsApi"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class ProductsClient(IProductsApi api, ILogger<ProductsClient> logger) : IProductsClient
{
    private readonly ServiceResponses _responses = new(DomainServiceNames.Products, logger);

    public Task<ServiceResult<Product>> GetProductAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_responses.Refuse<Product>(problem))
            : _responses.ToResultAsync(api.GetProduct(id, cancellationToken));

    public Task<ServiceResult<BatchResult<Product>>> GetProductsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_responses, "ids", ids, chunk => _responses.ToResultAsync(api.GetProducts(chunk, cancellationToken)));

    public Task<ServiceResult<Page<Product>>> ListProductsAsync(ProductQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ProductQuery();
        return RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit) is { } problem
            ? Task.FromResult(_responses.Refuse<Page<Product>>(problem))
            : _responses.ToResultAsync(api.ListProducts(query.Category, query.Q, query.MinPrice, query.MaxPrice, query.Limit, query.Cursor, cancellationToken));
    }

    public Task<ServiceResult<ItemList<string>>> GetCategoriesAsync(CancellationToken cancellationToken = default) =>
        _responses.ToResultAsync(api.GetCategories(cancellationToken));

    public Task<ServiceResult<ItemList<Product>>> GetRecommendedAsync(int userId, int? limit = null, CancellationToken cancellationToken = default) =>
        (RequestGuard.CheckId(userId, "userId") ?? RequestGuard.CheckLimit(limit, RequestGuard.MaxShortListLimit)) is { } problem
            ? Task.FromResult(_responses.Refuse<ItemList<Product>>(problem))
            : _responses.ToResultAsync(api.GetRecommended(userId, limit, cancellationToken));
}
