namespace Bff.Stubs.Seed;

/// <summary>How many items each seeded dataset holds; ids run from 1 to the size.</summary>
internal static class SeedSizes
{
    public const int Users = 1_000;
    public const int Products = 500;
    public const int Orders = 10_000;
    public const int Reviews = 20_000;

    /// <summary>Products above this id get no seeded reviews, so callers can meet an unreviewed product.</summary>
    public const int LastReviewedProduct = 490;
}
