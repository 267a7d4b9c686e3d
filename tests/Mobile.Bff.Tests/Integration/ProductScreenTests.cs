using System.Net;
using Bff.Contracts.Stubs;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Integration;

/// <summary><c>GET /mobile/products/{id}</c> in front of the real stubs.</summary>
public sealed class ProductScreenTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Product_page_has_details_rating_summary_and_the_top_three_reviews()
    {
        using var response = await GetAsync("/mobile/products/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var product = await Stubs.GetJsonAsync("products", "products/1");
        var summary = (await Stubs.GetJsonAsync("reviews", "reviews/summary?productIds=1")).GetProperty("items")[0];
        Assert.Equal(product.GetProperty("name").GetString(), body.GetProperty("name").GetString());
        Assert.Equal(product.GetProperty("price").GetDecimal(), body.GetProperty("price").GetDecimal());
        Assert.Equal(product.GetProperty("stock").GetInt32(), body.GetProperty("stock").GetInt32());
        Assert.Equal(summary.GetProperty("count").GetInt32(), body.GetProperty("rating").GetProperty("count").GetInt32());
        var ratings = body.GetProperty("topReviews").EnumerateArray().Select(r => r.GetProperty("rating").GetInt32()).ToList();
        Assert.InRange(ratings.Count, Math.Min(1, summary.GetProperty("count").GetInt32()), 3);
        Assert.Equal(ratings.OrderDescending(), ratings);
        Assert.Equal(["product", "rating", "reviews"], body.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        Assert.Empty(Degraded(body));
    }

    [Fact]
    public async Task Product_details_are_served_stale_when_products_fail_after_a_success()
    {
        using var first = await GetAsync("/mobile/products/2");
        var fresh = await JsonAsync(first);
        Assert.Equal("ok", State(fresh, "product"));
        await Stubs.SetFaultAsync("products", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        using var second = await GetAsync("/mobile/products/2");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await JsonAsync(second);
        Assert.Equal("stale", State(body, "product"));
        Assert.Equal(["product"], Degraded(body));
        Assert.Equal(fresh.GetProperty("name").GetString(), body.GetProperty("name").GetString());
        Assert.Equal(fresh.GetProperty("price").GetDecimal(), body.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Product_never_seen_is_a_503_when_products_fail()
    {
        await Stubs.SetFaultAsync("products", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        using var response = await GetAsync("/mobile/products/3");

        await AssertProblemAsync(response, 503, "core_section_unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Failing_reviews_leave_rating_and_reviews_out()
    {
        await Stubs.SetFaultAsync("reviews", new FaultSettings(ErrorRate: 1, ErrorStatus: 500));

        using var response = await GetAsync("/mobile/products/4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["rating", "reviews"], Degraded(body));
        Assert.False(body.TryGetProperty("rating", out _));
        Assert.False(body.TryGetProperty("topReviews", out _));
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem()
    {
        using var response = await GetAsync("/mobile/products/999999");

        await AssertProblemAsync(response, 404, "not_found");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("%201")]
    public async Task Malformed_product_id_is_a_400_problem(string id)
    {
        using var response = await GetAsync("/mobile/products/" + id);

        await AssertProblemAsync(response, 400, "invalid_id");
        Assert.Equal(0, (await Stubs.StatsAsync("products")).Total);
    }
}
