using System.Net;
using Bff.TestSupport.Contracts;
using Bff.TestSupport.Paths;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Contracts;

/// <summary>
/// Every upstream call of the BFF against WireMock.Net loaded with <c>tests/contracts/mobile</c>: the exact method,
/// path and query sent (every request as a contract records it), each once, and the answers reshaped as the screens promise.
/// </summary>
public sealed class UpstreamContractTests(EdgeKeys keys) : IAsyncLifetime
{
    private readonly ContractServer _wireMock = ContractServer.StartWith(Path.Combine(RepoPaths.Contracts, "mobile"));
    private MobileBffHost? _bff;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public ValueTask InitializeAsync()
    {
        _bff = MobileBffHost.Start(keys, _wireMock.BaseAddress);
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
    public async Task Home_makes_one_call_per_section_and_flattens_the_answers()
    {
        using var response = await Client.SendAsync(Get("/mobile/home", keys.Sign("1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Demo User", body.GetProperty("displayName").GetString());
        Assert.Equal(2, body.GetProperty("unreadNotifications").GetInt32());
        var orders = body.GetProperty("recentOrders").EnumerateArray().ToList();
        Assert.Equal([5, 4], orders.Select(o => o.GetProperty("id").GetInt32()));
        Assert.Equal(104.97m, orders[0].GetProperty("total").GetDecimal());
        Assert.Equal("shipped", orders[0].GetProperty("status").GetString());
        Assert.False(orders[0].TryGetProperty("items", out _), "line items are not part of the home screen");
        var recommended = body.GetProperty("recommended").EnumerateArray().ToList();
        Assert.Equal([2, 1], recommended.Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal(4.5, recommended[0].GetProperty("rating").GetDouble());
        Assert.Equal(3.9, recommended[1].GetProperty("rating").GetDouble());
        Assert.Equal("Wireless Mouse", recommended[0].GetProperty("name").GetString());
        Assert.Equal(24.99m, recommended[0].GetProperty("price").GetDecimal());
        Assert.False(recommended[0].TryGetProperty("description", out _), "the home screen shows no descriptions");
        foreach (var section in new[] { "profile", "notifications", "orders", "recommendations", "ratings" })
        {
            Assert.Equal("ok", State(body, section));
        }

        Assert.Empty(Degraded(body));
        AssertCalledOnce(
            "/users/1",
            "/users/1/notifications/unread-count",
            "/orders/recent?userId=1&limit=3",
            "/products/recommended?userId=1&limit=4",
            "/reviews/summary?productIds=2,1");
    }

    [Fact]
    public async Task Product_page_makes_one_call_per_section()
    {
        using var response = await Client.SendAsync(Get("/mobile/products/1", keys.Sign("1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("id").GetInt32());
        Assert.Equal("Ergonomic Steel Chair", body.GetProperty("name").GetString());
        Assert.Equal(129.9m, body.GetProperty("price").GetDecimal());
        Assert.Equal(42, body.GetProperty("stock").GetInt32());
        Assert.Equal(3.9, body.GetProperty("rating").GetProperty("average").GetDouble());
        Assert.Equal(12, body.GetProperty("rating").GetProperty("count").GetInt32());
        Assert.Equal([11, 12, 13], body.GetProperty("topReviews").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Empty(Degraded(body));
        AssertCalledOnce("/products/1", "/reviews/summary?productIds=1", "/reviews?productId=1&sort=top&limit=3");
    }

    [Fact]
    public async Task Order_page_names_the_products_of_the_line_items_in_one_batch_call()
    {
        using var response = await Client.SendAsync(Get("/mobile/orders/5", keys.Sign("1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(5, body.GetProperty("id").GetInt32());
        Assert.Equal("shipped", body.GetProperty("status").GetString());
        var lines = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Desk Lamp", "Mechanical Keyboard"], lines.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal([2, 1], lines.Select(l => l.GetProperty("quantity").GetInt32()));
        Assert.Equal(29.99m, lines[0].GetProperty("unitPrice").GetDecimal());
        Assert.Empty(Degraded(body));
        AssertCalledOnce("/orders/5", "/products?ids=3,7");
        Assert.Equal(0, _wireMock.CountRequests("GET", "/products/3"));
        Assert.Equal(0, _wireMock.CountRequests("GET", "/products/7"));
    }

    [Fact]
    public async Task Another_users_order_is_a_404_like_an_unknown_one_and_nothing_more_is_fetched()
    {
        using var theirs = await Client.SendAsync(Get("/mobile/orders/6", keys.Sign("1")), TestContext.Current.CancellationToken);
        using var unknown = await Client.SendAsync(Get("/mobile/orders/99999", keys.Sign("1")), TestContext.Current.CancellationToken);

        var theirsProblem = await AssertProblemAsync(theirs, 404, "not_found");
        var unknownProblem = await AssertProblemAsync(unknown, 404, "not_found");
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), theirsProblem.GetProperty("detail").GetString());
        AssertCalledOnce("/orders/6", "/orders/99999");
        Assert.Equal(0, _wireMock.CountRequests("GET", "/products?ids=1"));
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem()
    {
        using var response = await Client.SendAsync(Get("/mobile/products/99999", keys.Sign("1")), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, 404, "not_found");
    }

    private void AssertCalledOnce(params string[] urls)
    {
        foreach (var url in urls)
        {
            Assert.True(1 == _wireMock.CountRequests("GET", url), $"GET {url} was not called exactly once.");
        }
    }
}
