using System.Text.Json;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>Product.reviews in lists: the first page of every product's reviews is one batch call (from /_stub/stats).</summary>
public sealed class ReviewsPerProductTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    public const string OrdersWithReviewsQuery = """
        query OrdersWithReviews {
          viewer {
            orders(first: 20) {
              edges { node { id items { product { id name reviews(first: 3, sort: TOP) { edges { node { rating author { id displayName } } } pageInfo { hasNextPage endCursor } } } } } }
            }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_orders_with_the_top_reviews_of_every_product_costs_one_reviews_call_and_one_users_batch()
    {
        await Stubs.EnsureOrdersAsync(userId: 1, count: 20);
        await Stubs.ResetAsync();

        var (status, body) = await QueryAsync(OrdersWithReviewsQuery);

        Assert.Equal(200, status);
        Assert.Empty(ErrorsOf(body));
        var products = Products(body);
        var distinctProducts = products.Select(p => p.GetProperty("id").GetString()).Distinct().Count();
        Assert.InRange(distinctProducts, 20, 100);
        var reviewed = products.Where(p => p.GetProperty("reviews").GetProperty("edges").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(reviewed);
        Assert.All(products, p => Assert.InRange(p.GetProperty("reviews").GetProperty("edges").GetArrayLength(), 0, 3));
        Assert.All(
            reviewed.SelectMany(p => p.GetProperty("reviews").GetProperty("edges").EnumerateArray()),
            e => Assert.False(string.IsNullOrEmpty(e.GetProperty("node").GetProperty("author").GetProperty("displayName").GetString())));

        // The users service takes at most 100 ids per call, so one batch of authors is one call per 100 of them.
        var authors = reviewed.SelectMany(p => p.GetProperty("reviews").GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("node").GetProperty("author").GetProperty("id").GetString()).Distinct().Count();
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["orders GET /orders"] = 1,
                ["products GET /products"] = 1,
                ["reviews GET /reviews"] = 1,
                ["users GET /users"] = (authors + 99) / 100,
            },
            (await Stubs.AllRoutesAsync()).OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task Batched_first_page_continues_with_after_like_a_single_product_page()
    {
        var (_, batched) = await QueryAsync("""{ products(ids: ["1", "2"]) { reviews(first: 3, sort: TOP) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }""");
        var first = batched.GetProperty("data").GetProperty("products")[0].GetProperty("reviews");
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var (_, next) = await QueryAsync("""query($after: String) { product(id: "1") { reviews(first: 3, sort: TOP, after: $after) { edges { node { id } } } } }""", new { after });
        var (_, whole) = await QueryAsync("""{ product(id: "1") { reviews(first: 6, sort: TOP) { edges { node { id } } } } }""");

        Assert.Empty(ErrorsOf(next));
        Assert.Equal(
            Ids(whole.GetProperty("data").GetProperty("product").GetProperty("reviews")),
            [.. Ids(first), .. Ids(next.GetProperty("data").GetProperty("product").GetProperty("reviews"))]);
    }

    private static List<JsonElement> Products(JsonElement body) =>
        [.. body.GetProperty("data").GetProperty("viewer").GetProperty("orders").GetProperty("edges").EnumerateArray()
            .SelectMany(o => o.GetProperty("node").GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("product"))];

    private static List<string?> Ids(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString())];
}
