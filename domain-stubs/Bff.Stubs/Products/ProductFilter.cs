using System.Globalization;
using Bff.Contracts.Products;
using Bff.Stubs.Problems;

namespace Bff.Stubs.Products;

/// <summary>The filters of <c>GET /products</c>: <c>category</c>, <c>q</c>, <c>minPrice</c>, <c>maxPrice</c>.</summary>
internal sealed record ProductFilter(string? Category, string? Text, decimal? MinPrice, decimal? MaxPrice)
{
    private const int MaxTextLength = 100;

    /// <summary>Identifies the query a cursor belongs to.</summary>
    public string Scope => string.Create(CultureInfo.InvariantCulture, $"products|{Category}|{Text}|{MinPrice}|{MaxPrice}");

    public bool Matches(Product product) =>
        (Category is null || string.Equals(product.Category, Category, StringComparison.OrdinalIgnoreCase))
        && (Text is null
            || product.Name.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || product.Description.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (MinPrice is null || product.Price >= MinPrice)
        && (MaxPrice is null || product.Price <= MaxPrice);

    public static Parsed<ProductFilter> Read(HttpRequest request)
    {
        var category = Single(request, "category");
        var text = Single(request, "q");
        if (text is { Length: > MaxTextLength })
        {
            return Parsed<ProductFilter>.Fail(StubProblems.InvalidQuery($"q must be at most {MaxTextLength} characters."));
        }

        if (!TryPrice(request, "minPrice", out var min) || !TryPrice(request, "maxPrice", out var max))
        {
            return Parsed<ProductFilter>.Fail(StubProblems.InvalidQuery("minPrice and maxPrice must be non-negative decimal numbers."));
        }

        return min > max
            ? Parsed<ProductFilter>.Fail(StubProblems.InvalidQuery("minPrice must not exceed maxPrice."))
            : Parsed<ProductFilter>.Ok(new ProductFilter(category, text, min, max));
    }

    private static string? Single(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool TryPrice(HttpRequest request, string name, out decimal? price)
    {
        price = null;
        var raw = Single(request, name);
        if (raw is null)
        {
            return true;
        }

        if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            price = value;
            return true;
        }

        return false;
    }
}
