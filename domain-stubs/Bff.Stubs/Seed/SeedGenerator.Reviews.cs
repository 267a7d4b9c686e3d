using Bff.Contracts.Reviews;

namespace Bff.Stubs.Seed;

internal static partial class SeedGenerator
{
    /// <summary>Share (in percent) of 1..5-star ratings: skewed towards the top, as real shops are.</summary>
    private static readonly int[] RatingWeights = [5, 7, 15, 33, 40];

    /// <summary>Reviews 1..<see cref="SeedSizes.Reviews"/> of products 1..<see cref="SeedSizes.LastReviewedProduct"/>.</summary>
    public static IReadOnlyList<Review> Reviews()
    {
        var random = new Random(4004);
        var reviews = new List<Review>(SeedSizes.Reviews);
        for (var id = 1; id <= SeedSizes.Reviews; id++)
        {
            // A skewed draw makes low ids popular and the tail sparse, like a real catalogue.
            var productId = 1 + (int)(Math.Pow(random.NextDouble(), 1.3) * SeedSizes.LastReviewedProduct);
            var rating = RatingFor(random.Next(100));
            var title = Pick(random, Words.ReviewTitles[rating - 1]);
            var body = $"{Pick(random, Words.ReviewOpenings[rating - 1])} {Pick(random, Words.ReviewDetails)}";
            reviews.Add(new Review(id, productId, random.Next(1, SeedSizes.Users + 1), rating, title, body, SeedClock.Before(random, SeedClock.End, 720)));
        }

        return reviews;
    }

    private static int RatingFor(int roll)
    {
        for (var stars = 1; stars <= RatingWeights.Length; stars++)
        {
            roll -= RatingWeights[stars - 1];
            if (roll < 0)
            {
                return stars;
            }
        }

        return RatingWeights.Length;
    }
}
