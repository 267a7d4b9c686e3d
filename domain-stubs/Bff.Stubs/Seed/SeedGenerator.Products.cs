using Bff.Contracts.Products;

namespace Bff.Stubs.Seed;

internal static partial class SeedGenerator
{
    /// <summary>Products 1..<see cref="SeedSizes.Products"/> spread over <see cref="Words.Categories"/>.</summary>
    public static IReadOnlyList<Product> Products()
    {
        var random = new Random(2002);
        var products = new List<Product>(SeedSizes.Products);
        for (var id = 1; id <= SeedSizes.Products; id++)
        {
            var category = Words.Categories[(id - 1) % Words.Categories.Count];
            var noun = Pick(random, category.Nouns);
            var adjective = Pick(random, Words.Adjectives);
            var name = $"{adjective} {noun} {Pick(random, Words.Models)}";
            var description = $"{adjective} {noun.ToLowerInvariant()} {Pick(random, Words.ProductClaims)}";
            var price = Math.Round(category.BasePrice * (decimal)(0.5 + (random.NextDouble() * 2.5)), 0) - 0.01m;
            var stock = random.Next(20) == 0 ? 0 : random.Next(1, 250);
            products.Add(new Product(id, name, description, category.Name, Math.Max(price, 0.99m), Currency, stock));
        }

        return products;
    }
}
