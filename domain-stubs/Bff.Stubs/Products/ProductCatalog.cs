using Bff.Contracts.Products;
using Bff.Stubs.Paging;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Products;

/// <summary>The seeded products, read-only, in id order; also the price list the orders stub charges from.</summary>
internal sealed class ProductCatalog : ISeedable
{
    private readonly SeededData<IReadOnlyList<Product>> _products = new(SeedGenerator.Products);
    private readonly SeededData<IReadOnlyList<string>> _categories;

    public ProductCatalog()
    {
        _categories = new(() => [.. All.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal)]);
    }

    public string Name => "products";

    public IReadOnlyList<Product> All => _products.Value;

    public IReadOnlyList<string> Categories => _categories.Value;

    public int Seed()
    {
        _ = Categories;
        return All.Count;
    }

    public Product? Find(int id) => id >= 1 && id <= All.Count ? All[id - 1] : null;

    /// <summary>A fixed pick of in-stock products for a user: the same user always gets the same list.</summary>
    public IReadOnlyList<Product> RecommendedFor(int userId, int limit)
    {
        var random = new Random(userId);
        var picked = new List<Product>(limit);
        var seen = new HashSet<int>();
        while (picked.Count < limit)
        {
            var product = All[random.Next(All.Count)];
            if (product.Stock > 0 && seen.Add(product.Id))
            {
                picked.Add(product);
            }
        }

        return picked;
    }

    public static SortKey KeyOf(Product product) => new(product.Id);
}
