using System.Net;
using System.Text.Json;
using Bff.TestSupport.Contracts;
using Bff.TestSupport.Paths;
using Partner.Bff.Tests.Support;
using static Partner.Bff.Tests.Support.PartnerRequests;

namespace Partner.Bff.Tests.Contracts;

/// <summary>
/// Every upstream call of the BFF against WireMock.Net loaded with <c>tests/contracts/partner</c>: the exact method,
/// path, query and body sent (every request as a contract records it), each once, and the answers reshaped by each version.
/// </summary>
public sealed class UpstreamContractTests(EdgeKeys keys) : IAsyncLifetime
{
    private readonly ContractServer _wireMock = ContractServer.StartWith(Path.Combine(RepoPaths.Contracts, "partner"));
    private PartnerBffHost? _bff;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public ValueTask InitializeAsync()
    {
        _bff = PartnerBffHost.Start(keys, _wireMock.BaseAddress, _wireMock.BaseAddress);
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
    public async Task Order_list_asks_for_the_partners_customer_and_wraps_the_domain_cursor()
    {
        using var v1 = await Client.CallAsync(Get("/partner/v1/orders?limit=2", keys.Gold()));
        using var v2 = await Client.CallAsync(Get("/partner/v2/orders?limit=2", keys.Gold()));

        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        var page1 = await JsonAsync(v1);
        Assert.Equal([40, 30], page1.GetProperty("results").EnumerateArray().Select(o => o.GetProperty("orderId").GetInt32()));
        Assert.Equal(59.98m, page1.GetProperty("results")[0].GetProperty("total").GetDecimal());
        Assert.Equal(2, page1.GetProperty("results")[0].GetProperty("lines")[0].GetProperty("qty").GetInt32());
        var cursor = page1.GetProperty("nextCursor").GetString()!;
        Assert.DoesNotContain("domain-cursor-2", cursor, StringComparison.Ordinal);
        Assert.StartsWith("/partner/v1/orders?limit=2&cursor=", page1.GetProperty("next").GetString(), StringComparison.Ordinal);

        var page2 = await JsonAsync(v2);
        var order = page2.GetProperty("data")[0];
        Assert.Equal(40, order.GetProperty("id").GetInt32());
        Assert.Equal(59.98m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", order.GetProperty("total").GetProperty("currency").GetString());
        Assert.Equal(29.99m, order.GetProperty("items")[0].GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.NotNull(page2.GetProperty("pagination").GetProperty("next").GetString());
        Assert.Equal(2, _wireMock.CountRequests("GET", "/orders?userId=4&limit=2"));
    }

    [Fact]
    public async Task Order_by_id_and_unknown_order()
    {
        using var found = await Client.CallAsync(Get("/partner/v2/orders/40", keys.Gold()));
        using var missing = await Client.CallAsync(Get("/partner/v2/orders/99999999", keys.Gold()));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("shipped", (await JsonAsync(found)).GetProperty("status").GetString());
        await AssertProblemAsync(missing, 404, "not_found");
        Assert.Equal(1, _wireMock.CountRequests("GET", "/orders/40"));
        Assert.Equal(1, _wireMock.CountRequests("GET", "/orders/99999999"));
    }

    [Fact]
    public async Task Placing_sends_the_domain_order_for_the_partners_customer_once()
    {
        using var response = await Client.CallAsync(Post("/partner/v1/orders", keys.Gold(), """{ "lines": [ { "productId": 1, "qty": 2 } ] }""", "contract-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/partner/v1/orders/10001", response.Headers.Location?.OriginalString);
        Assert.Equal(10001, (await JsonAsync(response)).GetProperty("orderId").GetInt32());
        Assert.Equal(1, _wireMock.CountRequests("POST", "/orders"));
    }

    [Fact]
    public async Task Product_list_and_product_in_each_shape()
    {
        using var list = await Client.CallAsync(Get("/partner/v1/products?category=Books&limit=2", keys.Free()));
        using var one = await Client.CallAsync(Get("/partner/v2/products/1", keys.Free()));

        var page = await JsonAsync(list);
        Assert.Equal([3, 7], page.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("productId").GetInt32()));
        Assert.False(page.GetProperty("results")[0].GetProperty("inStock").GetBoolean());
        var product = await JsonAsync(one);
        Assert.Equal(129.9m, product.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal(42, product.GetProperty("stockLevel").GetInt32());
        Assert.Equal(1, _wireMock.CountRequests("GET", "/products?category=Books&limit=2"));
        Assert.Equal(1, _wireMock.CountRequests("GET", "/products/1"));
    }

    [Fact]
    public async Task Next_page_sends_the_domain_cursor_unwrapped_with_the_same_filters()
    {
        // The page with the cursor first: WireMock.Net matches query parameters as a subset, so the first page's
        // mapping would match it too.
        _wireMock.AddMapping(OrdersPage(-2, "domain-cursor-2", "null"));
        _wireMock.AddMapping(OrdersPage(-1, null, "\"domain-cursor-2\""));
        using var first = await Client.CallAsync(Get("/partner/v2/orders?status=shipped&limit=2", keys.Gold()));
        var next = (await JsonAsync(first)).GetProperty("pagination").GetProperty("next").GetString()!;

        using var second = await Client.CallAsync(Get(next, keys.Gold()));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(second)).GetProperty("pagination").GetProperty("next").ValueKind);
        Assert.Equal(1, _wireMock.CountRequests("GET", "/orders?userId=4&status=shipped&limit=2&cursor=domain-cursor-2"));
    }

    [Fact]
    public async Task A_failing_upstream_is_503_upstream_unavailable_with_retry_after()
    {
        _wireMock.AddMapping("""
            { "Priority": -1, "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/products/2" } ] } },
              "Response": { "StatusCode": 500 } }
            """);

        using var response = await Client.CallAsync(Get("/partner/v2/products/2", keys.Gold()));

        await AssertProblemAsync(response, 503, "upstream_unavailable");
        Assert.True(response.Headers.RetryAfter is not null);
    }

    // GET /orders?userId=4&status=shipped&limit=2[&cursor=C] answering an empty page with this next cursor (JSON).
    private static string OrdersPage(int priority, string? cursor, string nextCursor)
    {
        var cursorParameter = cursor is null ? "" : $$""", { "Name": "cursor", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "{{cursor}}" } ] }""";
        return $$"""
            { "Priority": {{priority}},
              "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/orders" } ] },
                "Params": [ { "Name": "userId", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "4" } ] },
                            { "Name": "status", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "shipped" } ] },
                            { "Name": "limit", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "2" } ] }{{cursorParameter}} ] },
              "Response": { "StatusCode": 200, "Headers": { "Content-Type": "application/json" }, "BodyAsJson": { "items": [], "nextCursor": {{nextCursor}} } } }
            """;
    }
}
