using System.Text.Json;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>The home page query against the real stubs: the answer, and one call per service per level (from /_stub/stats).</summary>
public sealed class HomePageTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    public const string HomeQuery = """
        query Home {
          viewer {
            profile { displayName email }
            unreadCount
            orders(first: 20) {
              edges { cursor node { id status total { amount currency } items { quantity product { id name price { amount } } } } }
              pageInfo { hasNextPage endCursor }
            }
            recommendedProducts(limit: 4) { id name price { amount currency } inStock rating { average count } }
          }
        }
        """;

    [Fact]
    public async Task Home_page_answers_every_section_for_the_signed_in_user()
    {
        var (status, body) = await QueryAsync(HomeQuery);

        Assert.Equal(200, status);
        Assert.Empty(ErrorsOf(body));
        var viewer = body.GetProperty("data").GetProperty("viewer");
        Assert.Equal("Demo User", viewer.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(4, viewer.GetProperty("unreadCount").GetInt32());
        var orders = viewer.GetProperty("orders").GetProperty("edges").EnumerateArray().ToList();
        Assert.True(orders.Count >= 6, $"demo has at least 6 orders, got {orders.Count}");
        var items = orders.SelectMany(o => o.GetProperty("node").GetProperty("items").EnumerateArray()).ToList();
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("product").GetProperty("name").GetString())));
        var recommended = viewer.GetProperty("recommendedProducts").EnumerateArray().ToList();
        Assert.Equal(4, recommended.Count);
        Assert.All(recommended, p => Assert.True(p.GetProperty("inStock").GetBoolean()));
        Assert.All(recommended, p => Assert.True(p.GetProperty("rating").GetProperty("count").GetInt32() >= 0));
    }

    [Fact]
    public async Task A_page_of_orders_with_items_and_products_costs_one_call_per_service_per_level()
    {
        // Demo has 17 seeded orders: top them up to a full page of 20 straight at the orders stub.
        await Stubs.EnsureOrdersAsync(userId: 1, count: 20);
        await Stubs.ResetAsync();

        var (_, body) = await QueryAsync(HomeQuery);
        Assert.Empty(ErrorsOf(body));
        Assert.Equal(20, body.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("edges").GetArrayLength());
        var distinctProducts = body.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("edges").EnumerateArray()
            .SelectMany(o => o.GetProperty("node").GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("product").GetProperty("id").GetString()).Distinct().Count();
        Assert.True(distinctProducts >= 20, $"the page should name many products, got {distinctProducts}");

        var routes = await Stubs.AllRoutesAsync();

        // users: profile (batch) + unread count; orders: one page; products: recommendations + ONE batch for every
        // line item of every order; reviews: one rating batch for the recommended products.
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["users GET /users"] = 1,
                ["users GET /users/{id}/notifications/unread-count"] = 1,
                ["orders GET /orders"] = 1,
                ["products GET /products/recommended"] = 1,
                ["products GET /products"] = 1,
                ["reviews GET /reviews/summary"] = 1,
            },
            routes.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task Review_authors_of_a_product_page_come_from_one_users_call()
    {
        var (_, body) = await QueryAsync("""{ product(id: "1") { name reviews(first: 10) { edges { node { rating author { displayName } } } } } }""");

        Assert.Empty(ErrorsOf(body));
        var reviews = body.GetProperty("data").GetProperty("product").GetProperty("reviews").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(10, reviews.Count);
        Assert.All(reviews, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("node").GetProperty("author").GetProperty("displayName").GetString())));
        var routes = await Stubs.AllRoutesAsync();
        Assert.Equal(1, routes["users GET /users"]);
        Assert.Equal(1, routes["reviews GET /reviews"]);
        Assert.Equal(1, routes["products GET /products"]);
    }

    [Fact]
    public async Task Aliased_product_lookups_share_one_batch_call()
    {
        var (_, body) = await QueryAsync("""{ a: product(id: "1") { name } b: product(id: "2") { name } c: products(ids: ["3", "4", "1"]) { name } }""");

        Assert.Empty(ErrorsOf(body));
        Assert.Equal(3, body.GetProperty("data").GetProperty("c").GetArrayLength());
        Assert.Equal(1, (await Stubs.StatsAsync("products")).Total);
    }

    [Fact]
    public async Task Orders_connection_pages_forward_without_gaps_or_repeats()
    {
        const string Page = "query($after: String, $first: Int) { viewer { orders(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }";
        var (_, whole) = await QueryAsync(Page, new { first = 5 });
        var expected = Ids(whole);

        var (_, first) = await QueryAsync(Page, new { first = 2 });
        var info = first.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("pageInfo");
        Assert.True(info.GetProperty("hasNextPage").GetBoolean());
        Assert.False(info.GetProperty("hasPreviousPage").GetBoolean());
        var (_, second) = await QueryAsync(Page, new { first = 2, after = info.GetProperty("endCursor").GetString() });
        Assert.True(second.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        // Continuing after a middle edge (not the page's end) works too.
        var middle = whole.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("edges")[2].GetProperty("cursor").GetString();
        var (_, afterMiddle) = await QueryAsync(Page, new { first = 2, after = middle });

        Assert.Equal<string[]>(expected[..4], [.. Ids(first), .. Ids(second)]);
        Assert.Equal<string[]>(expected[3..5], Ids(afterMiddle));
    }

    private static string[] Ids(JsonElement body) =>
        [.. body.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];
}
