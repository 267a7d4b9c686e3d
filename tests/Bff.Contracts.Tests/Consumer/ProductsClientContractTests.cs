using Bff.Clients.Products;
using Bff.Clients.Results;

namespace Bff.Contracts.Tests.Consumer;

public sealed class ProductsClientContractTests() : ConsumerTestBase("products")
{
    [Fact]
    public async Task Get_product_maps_every_field()
    {
        var result = await Clients.Products.GetProductAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        var product = result.Value;
        Assert.Equal(1, product.Id);
        Assert.Equal("Ergonomic Steel Chair", product.Name);
        Assert.Equal("A sturdy chair for long days.", product.Description);
        Assert.Equal("Home", product.Category);
        Assert.Equal(129.9m, product.Price);
        Assert.Equal("EUR", product.Currency);
        Assert.Equal(42, product.Stock);
    }

    [Fact]
    public async Task Unknown_product_is_NotFound()
    {
        var result = await Clients.Products.GetProductAsync(99999999, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("products", result.Error?.Service);
    }

    [Fact]
    public async Task Batch_get_keeps_order_and_reports_missing_ids()
    {
        var result = await Clients.Products.GetProductsAsync([1, 2, 99999999], Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2], result.Value.Items.Select(p => p.Id));
        Assert.Equal(0, result.Value.Items[1].Stock);
        Assert.Equal([99999999], result.Value.Missing);
    }

    [Fact]
    public async Task First_page_carries_the_next_cursor()
    {
        var result = await Clients.Products.ListProductsAsync(new ProductQuery { Limit = 2 }, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, result.Value.Items.Count);
        Assert.NotNull(result.Value.NextCursor);
    }

    [Fact]
    public async Task Filters_are_sent_as_query_parameters()
    {
        var query = new ProductQuery { Category = "Books", MinPrice = 1m, MaxPrice = 1000m, Limit = 1 };

        var result = await Clients.Products.ListProductsAsync(query, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("Books", Assert.Single(result.Value.Items).Category);
    }

    [Fact]
    public async Task Bad_cursor_is_a_BadRequest_with_the_problem()
    {
        var result = await Clients.Products.ListProductsAsync(new ProductQuery { Cursor = "not-a-cursor" }, Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_cursor", result.Error?.Problem?.Code);
    }

    [Fact]
    public async Task Categories_are_mapped()
    {
        var result = await Clients.Products.GetCategoriesAsync(Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["Books", "Electronics", "Home"], result.Value.Items);
    }

    [Fact]
    public async Task Recommendations_are_mapped()
    {
        var result = await Clients.Products.GetRecommendedAsync(1, 2, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([2, 1], result.Value.Items.Select(p => p.Id));
    }
}
