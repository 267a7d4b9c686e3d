using Bff.Contracts.Products;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Orders;

/// <summary>The seeded catalogue as the orders stub sees it: which products exist and what they cost.</summary>
internal sealed class ProductPrices
{
    private readonly SeededData<IReadOnlyList<Product>> _products = new(SeedGenerator.Products);

    public IReadOnlyList<Product> All => _products.Value;

    public Product? Find(int id) => id >= 1 && id <= All.Count ? All[id - 1] : null;
}
