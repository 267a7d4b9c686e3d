using System.Globalization;
using Bff.Clients.Http;
using Bff.Clients.Results;
using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Products;

/// <summary><see cref="IProductsClient"/> over the <see cref="HttpClient"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class ProductsClient(HttpClient httpClient, ILogger<ProductsClient> logger) : IProductsClient
{
    private readonly DomainHttp _http = new(httpClient, DomainServiceNames.Products, logger);

    public Task<ServiceResult<Product>> GetProductAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_http.Refuse<Product>(problem))
            : _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"products/{id}"), ContractsJsonContext.Default.Product, cancellationToken);

    public Task<ServiceResult<BatchResult<Product>>> GetProductsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_http, "products", ids, ContractsJsonContext.Default.BatchResultProduct, cancellationToken);

    public Task<ServiceResult<Page<Product>>> ListProductsAsync(ProductQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ProductQuery();
        if (RequestGuard.CheckLimit(query.Limit, RequestGuard.MaxPageLimit) is { } problem)
        {
            return Task.FromResult(_http.Refuse<Page<Product>>(problem));
        }

        var uri = new QueryBuilder("products")
            .Add("category", query.Category)
            .Add("q", query.Q)
            .Add("minPrice", query.MinPrice)
            .Add("maxPrice", query.MaxPrice)
            .Add("limit", query.Limit)
            .Add("cursor", query.Cursor)
            .ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.PageProduct, cancellationToken);
    }

    public Task<ServiceResult<ItemList<string>>> GetCategoriesAsync(CancellationToken cancellationToken = default) =>
        _http.GetAsync("products/categories", ContractsJsonContext.Default.ItemListString, cancellationToken);

    public Task<ServiceResult<ItemList<Product>>> GetRecommendedAsync(int userId, int? limit = null, CancellationToken cancellationToken = default)
    {
        if ((RequestGuard.CheckId(userId, "userId") ?? RequestGuard.CheckLimit(limit, RequestGuard.MaxShortListLimit)) is { } problem)
        {
            return Task.FromResult(_http.Refuse<ItemList<Product>>(problem));
        }

        var uri = new QueryBuilder("products/recommended").Add("userId", userId).Add("limit", limit).ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.ItemListProduct, cancellationToken);
    }
}
