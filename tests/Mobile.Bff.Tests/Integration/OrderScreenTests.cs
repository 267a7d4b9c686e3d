using System.Globalization;
using System.Net;
using Bff.Contracts.Stubs;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Integration;

/// <summary><c>GET /mobile/orders/{id}</c> in front of the real stubs: demo is user 1, alice user 2.</summary>
public sealed class OrderScreenTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Own_order_has_its_line_items_with_product_names()
    {
        var order = await FirstOrderOfAsync(1);

        using var response = await GetAsync("/mobile/orders/" + order.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(order.GetProperty("total").GetDecimal(), body.GetProperty("total").GetDecimal());
        var expected = order.GetProperty("items").EnumerateArray().ToList();
        var lines = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Count, lines.Count);
        foreach (var (want, line) in expected.Zip(lines))
        {
            var productId = want.GetProperty("productId").GetInt32();
            var product = await Stubs.GetJsonAsync("products", "products/" + productId.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(productId, line.GetProperty("productId").GetInt32());
            Assert.Equal(product.GetProperty("name").GetString(), line.GetProperty("name").GetString());
            Assert.Equal(want.GetProperty("quantity").GetInt32(), line.GetProperty("quantity").GetInt32());
        }

        Assert.Empty(Degraded(body));
    }

    [Fact]
    public async Task Another_users_order_is_a_404_indistinguishable_from_an_unknown_one()
    {
        var alices = await FirstOrderOfAsync(2);

        using var theirs = await GetAsync("/mobile/orders/" + alices.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture), subject: "1");
        using var unknown = await GetAsync("/mobile/orders/999999", subject: "1");

        var theirsProblem = await AssertProblemAsync(theirs, 404, "not_found");
        var unknownProblem = await AssertProblemAsync(unknown, 404, "not_found");
        foreach (var member in new[] { "type", "title", "status", "detail", "code" })
        {
            Assert.Equal(unknownProblem.GetProperty(member).GetRawText(), theirsProblem.GetProperty(member).GetRawText());
        }

        Assert.Equal(
            unknownProblem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            theirsProblem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Failing_products_leave_the_names_out_but_keep_the_order()
    {
        var order = await FirstOrderOfAsync(1);
        await Stubs.SetFaultAsync("products", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        using var response = await GetAsync("/mobile/orders/" + order.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["products"], Degraded(body));
        Assert.All(body.GetProperty("items").EnumerateArray(), line => Assert.False(line.TryGetProperty("name", out _)));
    }

    [Fact]
    public async Task Failing_orders_service_is_a_503_with_Retry_After()
    {
        await Stubs.SetFaultAsync("orders", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        using var response = await GetAsync("/mobile/orders/1");

        await AssertProblemAsync(response, 503, "core_section_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("2147483648")]
    public async Task Malformed_order_id_is_a_400_problem(string id)
    {
        using var response = await GetAsync("/mobile/orders/" + id);

        await AssertProblemAsync(response, 400, "invalid_id");
    }

    private async Task<System.Text.Json.JsonElement> FirstOrderOfAsync(int userId)
    {
        var page = await Stubs.GetJsonAsync("orders", "orders?userId=" + userId.ToString(CultureInfo.InvariantCulture) + "&limit=1");
        return page.GetProperty("items")[0];
    }
}
