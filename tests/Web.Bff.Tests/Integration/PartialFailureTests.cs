using Bff.Contracts.Stubs;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>A slow or failing service nulls its own fields, with path and code; the rest of the page answers.</summary>
public sealed class PartialFailureTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    private const string Page = """
        { viewer {
            profile { displayName }
            recentOrders(limit: 2) { id items { quantity product { name } } }
            recommendedProducts { name rating { average } }
        } }
        """;

    // Products get a short budget of their own so a hung products service is a timeout here, not the test's.
    protected override IReadOnlyDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Resilience:products:AttemptTimeout"] = "00:00:00.250",
        ["Resilience:products:TotalTimeout"] = "00:00:00.300",
        ["Resilience:products:MaxRetryAttempts"] = "0",
    };

    [Fact]
    public async Task Products_down_nulls_product_fields_with_UPSTREAM_UNAVAILABLE_and_keeps_the_rest()
    {
        await Stubs.SetFaultAsync("products", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        var (status, body) = await QueryAsync(Page);

        Assert.Equal(200, status);
        var viewer = body.GetProperty("data").GetProperty("viewer");
        Assert.Equal("Demo User", viewer.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, viewer.GetProperty("recommendedProducts").ValueKind);
        var orders = viewer.GetProperty("recentOrders").EnumerateArray().ToList();
        Assert.Equal(2, orders.Count);
        Assert.All(orders.SelectMany(o => o.GetProperty("items").EnumerateArray()), i =>
        {
            Assert.True(i.GetProperty("quantity").GetInt32() > 0);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("product").ValueKind);
        });
        var errors = ErrorsOf(body);
        Assert.All(errors, e => Assert.Equal("UPSTREAM_UNAVAILABLE", Code(e)));
        Assert.All(errors, e => Assert.Equal("products", e.GetProperty("extensions").GetProperty("service").GetString()));
        Assert.Contains("viewer.recommendedProducts", errors.Select(PathOf));
        Assert.Contains("viewer.recentOrders.0.items.0.product", errors.Select(PathOf));
        Assert.Equal("The products service is unavailable.", errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Slow_products_time_out_with_UPSTREAM_TIMEOUT_while_other_services_answer()
    {
        await Stubs.SetFaultAsync("products", new FaultSettings(LatencyMs: 3000));

        var (status, body) = await QueryAsync(Page);

        Assert.Equal(200, status);
        var viewer = body.GetProperty("data").GetProperty("viewer");
        Assert.Equal("Demo User", viewer.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(2, viewer.GetProperty("recentOrders").GetArrayLength());
        var errors = ErrorsOf(body);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("UPSTREAM_TIMEOUT", Code(e)));
        Assert.Contains("viewer.recommendedProducts", errors.Select(PathOf));
    }

    [Fact]
    public async Task Reviews_down_nulls_only_the_ratings()
    {
        await Stubs.SetFaultAsync("reviews", new FaultSettings(ErrorRate: 1, ErrorStatus: 500));

        var (_, body) = await QueryAsync("{ viewer { recommendedProducts(limit: 2) { name rating { average } } } }");

        var products = body.GetProperty("data").GetProperty("viewer").GetProperty("recommendedProducts").EnumerateArray().ToList();
        Assert.Equal(2, products.Count);
        Assert.All(products, p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("rating").ValueKind));
        Assert.Equal(["viewer.recommendedProducts.0.rating", "viewer.recommendedProducts.1.rating"], ErrorsOf(body).Select(PathOf).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Users_down_leaves_the_viewer_object_and_its_orders()
    {
        await Stubs.SetFaultAsync("users", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        var (_, body) = await QueryAsync("{ viewer { id profile { displayName } unreadCount recentOrders(limit: 1) { id } } }");

        var viewer = body.GetProperty("data").GetProperty("viewer");
        Assert.Equal("1", viewer.GetProperty("id").GetString());
        Assert.Equal(1, viewer.GetProperty("recentOrders").GetArrayLength());
        Assert.Equal(["viewer.profile", "viewer.unreadCount"], ErrorsOf(body).Select(PathOf).Order(StringComparer.Ordinal));
    }
}
