using Bff.Clients.Products;
using Bff.Contracts.Products;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>Products by id for one request: every product field of a step in one <c>GET /products?ids=</c>.</summary>
internal sealed class ProductLoader(IProductsClient products) : DataLoader<int, Product>
{
    protected override async Task<IReadOnlyDictionary<int, Product>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var batch = (await products.GetProductsAsync([.. keys], cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return batch.Items.ToDictionary(p => p.Id);
    }
}
