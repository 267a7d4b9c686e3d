using System.Text.Json;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>placeOrder and addReview against the real stubs: success, and input mistakes as userErrors.</summary>
public sealed class MutationTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    private const string PlaceOrder = """
        mutation($input: PlaceOrderInput!) {
          placeOrder(input: $input) { order { id status itemCount items { quantity product { name } } } userErrors { field message code } }
        }
        """;

    private const string AddReview = """
        mutation($input: AddReviewInput!) {
          addReview(input: $input) { review { id rating title author { displayName } product { id } } userErrors { field message code } }
        }
        """;

    [Fact]
    public async Task Place_order_creates_a_pending_order_for_the_viewer()
    {
        var (status, body) = await QueryAsync(PlaceOrder, new { input = new { items = new object[] { new { productId = "1", quantity = 2 }, new { productId = 3, quantity = 1 } } } }, subject: "2");

        Assert.Equal(200, status);
        Assert.Empty(ErrorsOf(body));
        var payload = body.GetProperty("data").GetProperty("placeOrder");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        var order = payload.GetProperty("order");
        Assert.Equal("PENDING", order.GetProperty("status").GetString());
        Assert.Equal(3, order.GetProperty("itemCount").GetInt32());
        Assert.All(order.GetProperty("items").EnumerateArray(), i => Assert.NotNull(i.GetProperty("product").GetProperty("name").GetString()));
        var stats = await Stubs.StatsAsync("orders");
        Assert.Equal(1, stats.Routes["POST /orders"]);
    }

    [Fact]
    public async Task Place_order_answers_input_mistakes_as_userErrors_without_calling_orders()
    {
        var (_, body) = await QueryAsync(PlaceOrder, new { input = new { items = new object[] { new { productId = "abc", quantity = 1 }, new { productId = "2", quantity = 0 }, new { productId = "2", quantity = 1 } } } });

        var payload = body.GetProperty("data").GetProperty("placeOrder");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        var errors = payload.GetProperty("userErrors").EnumerateArray()
            .Select(e => (string.Join('.', e.GetProperty("field").EnumerateArray().Select(f => f.GetString())), e.GetProperty("code").GetString(), e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("input.items.0.productId", "INVALID", "Invalid id \"abc\" for \"productId\": expected a positive integer."),
                ("input.items.1.quantity", "INVALID", "Quantity must be between 1 and 100."),
                ("input.items.2.productId", "DUPLICATE", "Product 2 is in the cart twice; use one line with the total quantity."),
            ],
            errors);
        Assert.Equal(0, (await Stubs.StatsAsync("orders")).Total);
    }

    [Fact]
    public async Task Place_order_with_an_unknown_product_names_the_line_from_the_orders_service()
    {
        var (_, body) = await QueryAsync(PlaceOrder, new { input = new { items = new object[] { new { productId = "1", quantity = 1 }, new { productId = "99999999", quantity = 1 } } } });

        var error = Assert.Single(body.GetProperty("data").GetProperty("placeOrder").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(["input", "items", "1", "productId"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("UNKNOWN_PRODUCT", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Add_review_is_written_as_the_viewer()
    {
        var (_, body) = await QueryAsync(AddReview, new { input = new { productId = "5", rating = 4, title = "  Solid  ", body = "Does the job." } }, subject: "2");

        Assert.Empty(ErrorsOf(body));
        var review = body.GetProperty("data").GetProperty("addReview").GetProperty("review");
        Assert.Equal(4, review.GetProperty("rating").GetInt32());
        Assert.Equal("Solid", review.GetProperty("title").GetString());
        Assert.Equal("Alice Martin", review.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("5", review.GetProperty("product").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Add_review_answers_bad_rating_and_blank_title_as_userErrors()
    {
        var (_, body) = await QueryAsync(AddReview, new { input = new { productId = "5", rating = 6, title = "   ", body = "ok" } });

        var errors = body.GetProperty("data").GetProperty("addReview").GetProperty("userErrors").EnumerateArray()
            .Select(e => (string.Join('.', e.GetProperty("field").EnumerateArray().Select(f => f.GetString())), e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal([("input.rating", "Rating must be between 1 and 5."), ("input.title", "The title must not be blank.")], errors);
        Assert.Equal(0, (await Stubs.StatsAsync("reviews")).Total);
    }

    [Fact]
    public async Task Orders_service_down_makes_placeOrder_null_with_an_error()
    {
        await Stubs.SetFaultAsync("orders", new global::Bff.Contracts.Stubs.FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        var (_, body) = await QueryAsync(PlaceOrder, new { input = new { items = new object[] { new { productId = "1", quantity = 1 } } } });

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("placeOrder").ValueKind);
        Assert.Equal("placeOrder", PathOf(SingleError(body, "UPSTREAM_UNAVAILABLE")));
    }
}
