using System.Net;
using Bff.Contracts;
using Bff.Contracts.Products;
using Bff.Stubs.Tests.Support;

namespace Bff.Stubs.Tests.Products;

public sealed class ProductsStubTests(ProductsStub stub) : IClassFixture<ProductsStub>
{
    private readonly HttpClient _client = stub.CreateClient();

    [Fact]
    public async Task Get_by_id_returns_a_priced_product_with_stock()
    {
        var product = await _client.GetOkAsync("/products/42", ContractsJsonContext.Default.Product);

        Assert.Equal(42, product.Id);
        Assert.True(product.Price > 0);
        Assert.Equal("EUR", product.Currency);
        Assert.False(string.IsNullOrEmpty(product.Name));
    }

    [Fact]
    public async Task Categories_are_listed_once_each()
    {
        var categories = await _client.GetOkAsync("/products/categories", ContractsJsonContext.Default.ItemListString);

        Assert.Equal(10, categories.Items.Count);
        Assert.Contains("Books", categories.Items);
    }

    [Fact]
    public async Task Paging_walks_all_products_once()
    {
        var seen = await WalkAsync("/products?limit=37");

        Assert.Equal(Enumerable.Range(1, 500), seen.Select(p => p.Id));
    }

    [Fact]
    public async Task Filters_combine_category_text_and_price()
    {
        var seen = await WalkAsync("/products?category=electronics&minPrice=50&maxPrice=200.5&limit=10");

        Assert.NotEmpty(seen);
        Assert.All(seen, p => Assert.True(p.Category == "Electronics" && p.Price is >= 50 and <= 200.5m));
        var text = await WalkAsync("/products?q=kettle");
        Assert.NotEmpty(text);
        Assert.All(text, p => Assert.Contains("kettle", p.Name + p.Description, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_category_is_an_empty_page()
    {
        var page = await _client.GetOkAsync("/products?category=spaceships", ContractsJsonContext.Default.PageProduct);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Recommendations_are_fixed_per_user_and_in_stock()
    {
        var first = await _client.GetOkAsync("/products/recommended?userId=1", ContractsJsonContext.Default.ItemListProduct);
        var again = await _client.GetOkAsync("/products/recommended?userId=1", ContractsJsonContext.Default.ItemListProduct);
        var other = await _client.GetOkAsync("/products/recommended?userId=2&limit=20", ContractsJsonContext.Default.ItemListProduct);

        Assert.Equal(4, first.Items.Count);
        Assert.Equal(first.Items, again.Items);
        Assert.Equal(20, other.Items.Count);
        Assert.All(first.Items.Concat(other.Items), p => Assert.True(p.Stock > 0));
        Assert.NotEqual(first.Items.Select(p => p.Id), other.Items.Take(4).Select(p => p.Id));
    }

    [Theory]
    [InlineData("/products?minPrice=abc", "invalid_query")]
    [InlineData("/products?minPrice=-1", "invalid_query")]
    [InlineData("/products?minPrice=10&maxPrice=5", "invalid_query")]
    [InlineData("/products/recommended", "invalid_id")]
    [InlineData("/products/recommended?userId=-4", "invalid_id")]
    [InlineData("/products/recommended?userId=1&limit=21", "invalid_limit")]
    [InlineData("/products/0", "invalid_id")]
    [InlineData("/products/1.5", "invalid_id")]
    [InlineData("/products?ids=1,2,3.5", "invalid_id")]
    public async Task Bad_queries_are_400_with_a_code(string url, string code)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Unknown_product_is_404()
    {
        using var response = await _client.GetAsync("/products/501", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    private async Task<List<Product>> WalkAsync(string url)
    {
        var seen = new List<Product>();
        string? cursor = null;
        do
        {
            var page = await _client.GetOkAsync(cursor is null ? url : $"{url}&cursor={cursor}", ContractsJsonContext.Default.PageProduct);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return seen;
    }
}
