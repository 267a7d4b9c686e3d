using System.Globalization;

namespace Mobile.Bff.Caching;

/// <summary>Keys of <see cref="SectionCache"/>: one kind of value per prefix, so a key never holds two types.</summary>
internal static class CacheKeys
{
    public static string Product(int id) => string.Create(CultureInfo.InvariantCulture, $"product:{id}");

    public static string Rating(int productId) => string.Create(CultureInfo.InvariantCulture, $"rating:{productId}");

    public static string TopReviews(int productId) => string.Create(CultureInfo.InvariantCulture, $"top-reviews:{productId}");
}
