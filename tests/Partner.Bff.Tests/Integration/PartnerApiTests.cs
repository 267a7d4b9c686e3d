using System.Net;
using System.Text.Json;
using Partner.Bff.Tests.Support;
using static Partner.Bff.Tests.Support.PartnerRequests;

namespace Partner.Bff.Tests.Integration;

/// <summary>The partner API in front of the real orders and products stubs.</summary>
public sealed class PartnerApiTests(StubsFixture stubs, EdgeKeys keys) : IAsyncLifetime
{
    private PartnerBffHost? _bff;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async ValueTask InitializeAsync()
    {
        await stubs.StartAsync();
        await stubs.ResetStatsAsync();
        _bff = PartnerBffHost.Start(keys, stubs.Orders, stubs.Products);
        _client = _bff.CreateRealClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_bff is not null)
        {
            await _bff.DisposeAsync();
        }
    }

    [Fact]
    public async Task Walking_every_page_of_products_returns_each_item_exactly_once()
    {
        var expected = await AllFromStubAsync(stubs.Products, "products?category=Books&limit=100");
        var seen = new List<int>();
        var pages = 0;
        for (var next = "/partner/v2/products?category=Books&limit=7"; next is not null; pages++)
        {
            using var response = await Client.CallAsync(Get(next, keys.Free()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await JsonAsync(response);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
            next = page.GetProperty("pagination").GetProperty("next").GetString();
        }

        Assert.True(pages > 2);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Walking_every_page_of_orders_in_v1_returns_each_of_the_partners_orders_once()
    {
        var expected = await AllFromStubAsync(stubs.Orders, "orders?userId=4&limit=100");
        var seen = new List<int>();
        for (var next = "/partner/v1/orders?limit=2"; next is not null;)
        {
            using var response = await Client.CallAsync(Get(next, keys.Gold()));
            var page = await JsonAsync(response);
            seen.AddRange(page.GetProperty("results").EnumerateArray().Select(o => o.GetProperty("orderId").GetInt32()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Forged_or_foreign_cursors_are_400_invalid_cursor()
    {
        using var first = await Client.CallAsync(Get("/partner/v2/products?limit=2", keys.Gold()));
        var cursor = (await JsonAsync(first)).GetProperty("pagination").GetProperty("nextCursor").GetString()!;
        var tampered = cursor[..10] + (cursor[10] == 'a' ? 'b' : 'a') + cursor[11..];

        foreach (var (path, assertion) in new[]
        {
            ($"/partner/v2/products?limit=2&cursor={tampered}", keys.Gold()),
            ("/partner/v2/products?cursor=not-a-cursor", keys.Gold()),
            ($"/partner/v2/products?limit=2&cursor={cursor}", keys.Free()),
            ($"/partner/v2/products?category=Books&cursor={cursor}", keys.Gold()),
            ($"/partner/v1/products?cursor={cursor}", keys.Gold()),
        })
        {
            using var response = await Client.CallAsync(Get(path, assertion));
            await AssertProblemAsync(response, 400, "invalid_cursor");
        }
    }

    [Fact]
    public async Task V1_answers_carry_deprecation_sunset_and_successor_link_and_v2_does_not()
    {
        using var v1 = await Client.CallAsync(Get("/partner/v1/products/5", keys.Free()));
        using var v1Error = await Client.CallAsync(Get("/partner/v1/products/abc", keys.Free()));
        using var v2 = await Client.CallAsync(Get("/partner/v2/products/5", keys.Free()));

        foreach (var response in new[] { v1, v1Error })
        {
            Assert.Equal("@1767225600", response.Headers.GetValues("Deprecation").Single());
            Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        }

        Assert.Contains("</partner/v2/products/5>; rel=\"successor-version\"", v1.Headers.GetValues("Link"));
        Assert.False(v2.Headers.Contains("Deprecation"));
        Assert.False(v2.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task Placing_twice_with_one_key_places_once_and_replays_the_first_answer()
    {
        var key = Guid.NewGuid().ToString();
        const string Body = """{ "items": [ { "productId": 3, "quantity": 2 } ] }""";

        using var first = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, key));
        using var second = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), Body, key));
        using var other = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 3, "quantity": 3 } ] }""", key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetInt32(), (await JsonAsync(second)).GetProperty("id").GetInt32());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        await AssertProblemAsync(other, 422, "idempotency_key_reused");
        Assert.Equal(1, (await stubs.StatsAsync(stubs.Orders)).Routes["POST /orders"]);
    }

    [Fact]
    public async Task Concurrent_repeats_place_one_order()
    {
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Client.CallAsync(Post("/partner/v1/orders", keys.Gold(), """{ "lines": [ { "productId": 4, "qty": 1 } ] }""", key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, (await stubs.StatsAsync(stubs.Orders)).Routes["POST /orders"]);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Placed_order_belongs_to_the_partner_and_not_to_another()
    {
        using var placed = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 5, "quantity": 1 } ] }""", Guid.NewGuid().ToString()));
        var location = placed.Headers.Location!.OriginalString;

        using var mine = await Client.CallAsync(Get(location, keys.Gold()));
        using var theirs = await Client.CallAsync(Get(location, keys.Free()));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        await AssertProblemAsync(theirs, 404, "not_found");
    }

    [Fact]
    public async Task Unknown_product_is_422_order_rejected_with_the_versions_field_name()
    {
        using var response = await Client.CallAsync(Post("/partner/v1/orders", keys.Gold(), """{ "lines": [ { "productId": 99999, "qty": 1 } ] }""", Guid.NewGuid().ToString()));

        var problem = await AssertProblemAsync(response, 422, "order_rejected");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines[0].productId", out _), problem.ToString());
    }

    [Fact]
    public async Task Callers_without_the_right_identity_are_refused()
    {
        using var anonymous = await Client.CallAsync(Get("/partner/v2/products", assertion: null));
        using var appUser = await Client.CallAsync(Get("/partner/v2/products", keys.AppUser()));
        using var readOnly = await Client.CallAsync(Post("/partner/v2/orders", keys.Free(), """{ "items": [ { "productId": 1, "quantity": 1 } ] }""", "k"));
        using var noRead = await Client.CallAsync(Get("/partner/v2/products", keys.Sign(new("partner-gold", "partner-gold", ["partner.write"], "gold"))));

        await AssertProblemAsync(anonymous, 401, "edge_identity_required");
        await AssertProblemAsync(appUser, 403, "not_a_partner");
        await AssertProblemAsync(readOnly, 403, "insufficient_scope");
        await AssertProblemAsync(noRead, 403, "insufficient_scope");
        Assert.False((await stubs.StatsAsync(stubs.Orders)).Routes.ContainsKey("POST /orders"));
    }

    [Theory]
    [InlineData("GET", "/partner/v2/orders/abc", null, 400, "invalid_id")]
    [InlineData("GET", "/partner/v1/products/0", null, 400, "invalid_id")]
    [InlineData("GET", "/partner/v2/products/99999999999", null, 400, "invalid_id")]
    [InlineData("GET", "/partner/v2/products?limit=100000", null, 400, "invalid_limit")]
    [InlineData("GET", "/partner/v1/orders?limit=0", null, 400, "invalid_limit")]
    [InlineData("GET", "/partner/v2/orders?status=lost", null, 400, "invalid_query")]
    [InlineData("GET", "/partner/v2/products?minPrice=-1", null, 400, "invalid_query")]
    [InlineData("GET", "/partner/v2/products?minPrice=10&maxPrice=5", null, 400, "invalid_query")]
    [InlineData("GET", "/partner/v2/nothing", null, 404, "not_found")]
    [InlineData("DELETE", "/partner/v2/orders", null, 405, "method_not_allowed")]
    [InlineData("POST", "/partner/v2/orders", """{ "items": [ { "productId": 1, "quantity": 1 } ], "coupon": "X" }""", 400, "unknown_field")]
    [InlineData("POST", "/partner/v2/orders", """{ "items": [ { "productId": 1, "quantity": "two" } ] }""", 400, "invalid_body")]
    [InlineData("POST", "/partner/v2/orders", """{ "items": [ { "productId": 1, "quantity": -3 } ] }""", 400, "invalid_body")]
    [InlineData("POST", "/partner/v2/orders", """{ }""", 400, "invalid_body")]
    [InlineData("POST", "/partner/v1/orders", """{ "lines": [ { "productId": 1 } ] }""", 400, "invalid_body")]
    [InlineData("POST", "/partner/v1/orders", """{ "lines": [ { "productId": 1, "qty": 1 """, 400, "invalid_body")]
    public async Task Bad_input_gets_the_documented_problem(string method, string path, string? body, int status, string code)
    {
        var request = body is null ? Get(path, keys.Gold()) : Post(path, keys.Gold(), body, Guid.NewGuid().ToString());
        request.Method = new HttpMethod(method);

        using var response = await Client.CallAsync(request);

        await AssertProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Order_placement_needs_an_idempotency_key_and_json()
    {
        using var missing = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 1, "quantity": 1 } ] }""", idempotencyKey: null));
        using var tooLong = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), """{ "items": [ { "productId": 1, "quantity": 1 } ] }""", new string('k', 256)));
        using var text = await Client.CallAsync(Post("/partner/v2/orders", keys.Gold(), "items=1", "k-text", "text/plain"));

        await AssertProblemAsync(missing, 400, "idempotency_key_missing");
        await AssertProblemAsync(tooLong, 400, "idempotency_key_invalid");
        await AssertProblemAsync(text, 415, "unsupported_media_type");
    }

    [Fact]
    public async Task V1_ignores_unknown_fields()
    {
        using var response = await Client.CallAsync(Post("/partner/v1/orders", keys.Gold(), """{ "lines": [ { "productId": 2, "qty": 1, "gift": true } ], "coupon": "X" }""", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Usage_is_counted_per_partner_and_version_on_metrics()
    {
        using (await Client.CallAsync(Get("/partner/v1/products/1", keys.Free())))
        using (await Client.CallAsync(Get("/partner/v2/products/1", keys.Gold())))
        {
        }

        var metrics = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("bff_partner_requests_total{", StringComparison.Ordinal) && l.Contains("partner=\"partner-free\"", StringComparison.Ordinal) && l.Contains("version=\"v1\"", StringComparison.Ordinal));
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("bff_partner_requests_total{", StringComparison.Ordinal) && l.Contains("partner=\"partner-gold\"", StringComparison.Ordinal) && l.Contains("version=\"v2\"", StringComparison.Ordinal));
    }

    private async Task<List<int>> AllFromStubAsync(Uri stub, string first)
    {
        var ids = new List<int>();
        for (string? uri = first; uri is not null;)
        {
            var page = await stubs.GetJsonAsync(stub, uri);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            uri = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String
                ? first + "&cursor=" + Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)
                : null;
        }

        return ids;
    }
}
