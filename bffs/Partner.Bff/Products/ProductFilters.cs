using System.Globalization;
using Bff.Clients.Products;
using Partner.Bff.Errors;

namespace Partner.Bff.Products;

/// <summary>Validates the product list filters of any version (each names its own query parameters).</summary>
internal static class ProductFilters
{
    public const int MaxTextLength = 100;

    public static bool TryRead(
        (string Name, string? Value) category,
        (string Name, string? Value) text,
        (string Name, string? Value) minPrice,
        (string Name, string? Value) maxPrice,
        out ProductQuery query,
        out IResult? problem)
    {
        query = new ProductQuery();
        problem = null;
        foreach (var (name, value) in new[] { category, text })
        {
            if (value is { Length: > MaxTextLength })
            {
                problem = Problems.InvalidQuery(name, $"at most {MaxTextLength} characters.");
                return false;
            }
        }

        if (!TryPrice(minPrice, out var min, out problem) || !TryPrice(maxPrice, out var max, out problem))
        {
            return false;
        }

        if (min > max)
        {
            problem = Problems.InvalidQuery(minPrice.Name, $"must not be greater than {maxPrice.Name}.");
            return false;
        }

        query = new ProductQuery { Category = Empty(category.Value), Q = Empty(text.Value), MinPrice = min, MaxPrice = max };
        return true;
    }

    private static bool TryPrice((string Name, string? Value) price, out decimal? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (price.Value is null)
        {
            return true;
        }

        if (!decimal.TryParse(price.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed > 1_000_000_000m)
        {
            problem = Problems.InvalidQuery(price.Name, "must be a non-negative decimal number such as 19.99.");
            return false;
        }

        value = parsed;
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
