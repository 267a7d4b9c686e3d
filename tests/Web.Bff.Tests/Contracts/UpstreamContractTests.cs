using Bff.TestSupport.Contracts;
using Bff.TestSupport.Paths;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Contracts;

/// <summary>
/// Every upstream call of the BFF against WireMock.Net loaded with <c>tests/contracts/web</c> (plus the shared POST
/// contracts of orders and reviews): the exact method, path and query sent (every request as a contract records it),
/// each once, and the answers reshaped.
/// </summary>
public sealed class UpstreamContractTests(EdgeKeys keys) : IAsyncLifetime
{
    private readonly ContractServer _wireMock = ContractServer.StartWith(Path.Combine(RepoPaths.Contracts, "web"));
    private WebBffHost? _bff;
    private HttpClient? _client;

    public ValueTask InitializeAsync()
    {
        _wireMock.AddMappingFile(Path.Combine(RepoPaths.Contracts, "orders", "place-order.json"));
        _wireMock.AddMappingFile(Path.Combine(RepoPaths.Contracts, "reviews", "add-review.json"));
        _bff = WebBffHost.Start(keys, _wireMock.BaseAddress);
        _client = _bff.CreateRealClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _client?.Dispose();
            if (_bff is not null)
            {
                await _bff.DisposeAsync();
            }

            _wireMock.AssertRequestsAsRecorded();
        }
        finally
        {
            _wireMock.Dispose();
        }
    }

    [Fact]
    public async Task Home_page_calls_each_service_once_and_batches_the_line_items_products()
    {
        var body = await QueryAsync("""
            { viewer {
                profile { displayName } unreadCount
                orders(first: 2) { edges { node { id items { quantity product { name } } } } pageInfo { hasNextPage } }
                recommendedProducts(limit: 2) { id name rating { average } }
            } }
            """);

        var viewer = body.GetProperty("data").GetProperty("viewer");
        Assert.Equal("Demo User", viewer.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(4, viewer.GetProperty("unreadCount").GetInt32());
        var orders = viewer.GetProperty("orders");
        Assert.Equal(["7", "2443"], orders.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        Assert.True(orders.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["56", "234"], viewer.GetProperty("recommendedProducts").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        AssertCalledOnce(
            "/users?ids=1",
            "/users/1/notifications/unread-count",
            "/orders?userId=1&limit=2",
            "/products/recommended?userId=1&limit=2",
            "/products?ids=18,150,125,112,466,148,377",
            "/reviews/summary?productIds=56,234");
    }

    [Fact]
    public async Task Product_page_loads_product_rating_top_reviews_and_their_authors_in_one_call_each()
    {
        var body = await QueryAsync("""
            { product(id: "1") { name stock price { amount currency } rating { count average histogram }
                reviews(first: 3, sort: TOP) { edges { node { rating title author { displayName } } } } } }
            """);

        var product = body.GetProperty("data").GetProperty("product");
        Assert.Equal(3, product.GetProperty("reviews").GetProperty("edges").GetArrayLength());
        Assert.Equal(5, product.GetProperty("rating").GetProperty("histogram").GetArrayLength());
        AssertCalledOnce("/products?ids=1", "/reviews/summary?productIds=1", "/reviews?productIds=1&perProduct=3&sort=top", "/users?ids=152,60,127");
    }

    [Fact]
    public async Task Search_categories_review_order_and_recent_orders_each_make_their_one_call()
    {
        var body = await QueryAsync("""
            { searchProducts(query: "shoes", first: 2) { nodes { id } pageInfo { hasNextPage } }
              categories { name }
              review(id: "1") { id }
              viewer { order(id: "1") { id } recentOrders(limit: 3) { id } } }
            """);

        var data = body.GetProperty("data");
        Assert.Equal(["16", "56"], data.GetProperty("searchProducts").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(10, data.GetProperty("categories").GetArrayLength());
        Assert.Equal("1", data.GetProperty("review").GetProperty("id").GetString());
        AssertCalledOnce("/products?q=shoes&limit=2", "/products/categories", "/reviews?ids=1", "/orders?ids=1", "/orders/recent?userId=1&limit=3");
    }

    [Fact]
    public async Task Mutations_post_the_viewers_order_and_review()
    {
        var order = await QueryAsync("""mutation { placeOrder(input: { items: [{ productId: "1", quantity: 2 }] }) { order { id status } userErrors { message } } }""");
        var review = await QueryAsync("""mutation { addReview(input: { productId: "1", rating: 5, title: "Great", body: "Works as described." }) { review { id title } userErrors { message } } }""");

        Assert.Equal("PENDING", order.GetProperty("data").GetProperty("placeOrder").GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("20001", review.GetProperty("data").GetProperty("addReview").GetProperty("review").GetProperty("id").GetString());
        Assert.Equal(1, _wireMock.CountRequests("POST", "/orders"));
        Assert.Equal(1, _wireMock.CountRequests("POST", "/reviews"));
    }

    private async Task<System.Text.Json.JsonElement> QueryAsync(string query)
    {
        var (status, body) = await SendAsync(_client!, Post(keys.Sign("1"), query));
        Assert.True(status == 200 && ErrorsOf(body).Count == 0, $"Unexpected answer {status}: {body}");
        return body;
    }

    private void AssertCalledOnce(params string[] urls)
    {
        foreach (var url in urls)
        {
            Assert.True(1 == _wireMock.CountRequests("GET", url), $"GET {url} was not called exactly once.");
        }
    }
}
