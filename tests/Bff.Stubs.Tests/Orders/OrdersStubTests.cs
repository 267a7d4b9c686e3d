using System.Net;
using System.Net.Http.Json;
using Bff.Contracts;
using Bff.Contracts.Orders;
using Bff.Stubs.Tests.Support;

namespace Bff.Stubs.Tests.Orders;

public sealed class OrdersStubTests(OrdersStub stub) : IClassFixture<OrdersStub>
{
    private readonly HttpClient _client = stub.CreateClient();

    [Fact]
    public async Task Get_by_id_returns_an_order_with_lines_and_total()
    {
        var order = await _client.GetOkAsync("/orders/1", ContractsJsonContext.Default.Order);

        Assert.Equal((1, 1, "EUR"), (order.Id, order.UserId, order.Currency));
        Assert.InRange(order.Items.Count, 2, 5);
        Assert.Equal(order.Items.Sum(i => i.Quantity * i.UnitPrice), order.Total);
        Assert.Contains(order.Status, OrderStatus.All);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Recent_orders_are_the_users_three_newest(int userId)
    {
        var recent = await _client.GetOkAsync($"/orders/recent?userId={userId}", ContractsJsonContext.Default.ItemListOrder);

        Assert.Equal(3, recent.Items.Count);
        Assert.All(recent.Items, o => Assert.Equal(userId, o.UserId));
        Assert.Equal(recent.Items.OrderByDescending(o => o.CreatedAt).Select(o => o.Id), recent.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Recent_orders_honour_the_limit()
    {
        var recent = await _client.GetOkAsync("/orders/recent?userId=1&limit=5", ContractsJsonContext.Default.ItemListOrder);

        Assert.Equal(5, recent.Items.Count);
    }

    [Theory]
    [InlineData("/orders/recent?userId=1&limit=21")]
    [InlineData("/orders/recent?userId=1&limit=0")]
    [InlineData("/orders?limit=-1")]
    [InlineData("/orders?limit=1e2")]
    public async Task Bad_limits_are_400_invalid_limit(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_limit");
    }

    [Theory]
    [InlineData("/orders/0")]
    [InlineData("/orders/-1")]
    [InlineData("/orders/abc")]
    [InlineData("/orders/1.5")]
    [InlineData("/orders/99999999999999999999")]
    [InlineData("/orders/recent")]
    [InlineData("/orders/recent?userId=x")]
    [InlineData("/orders?userId=0")]
    [InlineData("/orders?ids=1,2,x")]
    public async Task Malformed_ids_are_400_invalid_id(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_id");
    }

    [Fact]
    public async Task Unknown_order_is_404()
    {
        using var response = await _client.GetAsync("/orders/987654", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Unknown_status_filter_is_400_invalid_query()
    {
        using var response = await _client.GetAsync("/orders?status=lost", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_query");
    }

    [Fact]
    public async Task Filtered_paging_walks_every_matching_order_once_newest_first()
    {
        var seen = new List<Order>();
        string? cursor = null;
        do
        {
            var url = "/orders?status=delivered&limit=100" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await _client.GetOkAsync(url, ContractsJsonContext.Default.PageOrder);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.True(seen.Count > 1_000);
        Assert.All(seen, o => Assert.Equal(OrderStatus.Delivered, o.Status));
        Assert.Equal(seen.Count, seen.Select(o => o.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Select(o => o.Id), seen.Select(o => o.Id));
    }

    [Fact]
    public async Task A_cursor_is_refused_for_another_query()
    {
        var page = await _client.GetOkAsync("/orders?userId=1&limit=2", ContractsJsonContext.Default.PageOrder);

        using var response = await _client.GetAsync($"/orders?userId=2&limit=2&cursor={page.NextCursor}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task Batch_get_keeps_order_and_lists_missing()
    {
        var batch = await _client.GetOkAsync("/orders?ids=3,20000,1", ContractsJsonContext.Default.BatchResultOrder);

        Assert.Equal([3, 1], batch.Items.Select(o => o.Id));
        Assert.Equal([20000], batch.Missing);
    }

    [Fact]
    public async Task Placing_an_order_prices_it_from_the_catalogue_and_makes_it_the_newest()
    {
        var product = Stubs.Seed.SeedGenerator.Products()[9];
        using var response = await _client.PostAsJsonAsync(
            "/orders",
            new PlaceOrderRequest(2, [new PlaceOrderItem(product.Id, 3)]),
            ContractsJsonContext.Default.PlaceOrderRequest,
            Http.Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.Order, Http.Ct);
        Assert.NotNull(order);
        Assert.Equal($"/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.True(order.Id > 10_000);
        Assert.Equal((OrderStatus.Pending, product.Price, 3 * product.Price), (order.Status, order.Items[0].UnitPrice, order.Total));
        var fetched = await _client.GetOkAsync($"/orders/{order.Id}", ContractsJsonContext.Default.Order);
        Assert.Equal(order.Id, fetched.Id);
        var recent = await _client.GetOkAsync("/orders/recent?userId=2&limit=1", ContractsJsonContext.Default.ItemListOrder);
        Assert.Equal(order.Id, recent.Items[0].Id);
    }

    [Fact]
    public async Task Concurrent_orders_get_distinct_ids()
    {
        var tasks = Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await _client.PostJsonAsync("/orders", """{"userId":5,"items":[{"productId":1,"quantity":1}]}""");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.Order, Http.Ct))!.Id;
        });

        var ids = await Task.WhenAll(tasks);

        Assert.Equal(20, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        using var response = await _client.PostJsonAsync("/orders", """{"userId":1,"items":[{"productId":1,"quantity":1}]}""", contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("{\"userId\":1,")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"userId\":\"abc\",\"items\":[]}")]
    [InlineData("{\"userId\":1.5,\"items\":[]}")]
    [InlineData("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":99999999999}]}")]
    public async Task Malformed_json_is_400_invalid_body(string json)
    {
        using var response = await _client.PostJsonAsync("/orders", json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_body");
        Assert.NotNull(problem.Errors);
        Assert.NotEmpty(problem.Errors);
    }

    [Theory]
    [InlineData("""{"userId":1,"items":[{"productId":99999,"quantity":1}]}""", "items[0].productId")]
    [InlineData("""{"userId":1,"items":[{"productId":1,"quantity":0}]}""", "items[0].quantity")]
    [InlineData("""{"userId":1,"items":[{"productId":1,"quantity":101}]}""", "items[0].quantity")]
    [InlineData("""{"userId":1,"items":[{"productId":1,"quantity":1},{"productId":1,"quantity":1}]}""", "items[1].productId")]
    [InlineData("""{"userId":0,"items":[{"productId":1,"quantity":1}]}""", "userId")]
    [InlineData("""{"userId":5000,"items":[{"productId":1,"quantity":1}]}""", "userId")]
    [InlineData("""{"userId":1,"items":[]}""", "items")]
    [InlineData("""{"userId":1}""", "items")]
    public async Task Invalid_values_are_400_invalid_body_naming_the_field(string json, string field)
    {
        using var response = await _client.PostJsonAsync("/orders", json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_body");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_order_placed_during_a_walk_neither_repeats_nor_hides_older_orders()
    {
        var before = await _client.GetOkAsync("/orders?userId=3&limit=100", ContractsJsonContext.Default.PageOrder);
        var first = await _client.GetOkAsync("/orders?userId=3&limit=2", ContractsJsonContext.Default.PageOrder);
        using var placed = await _client.PostJsonAsync("/orders", """{"userId":3,"items":[{"productId":2,"quantity":1}]}""");
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var seen = first.Items.Select(o => o.Id).ToList();
        var cursor = first.NextCursor;
        while (cursor is not null)
        {
            var page = await _client.GetOkAsync($"/orders?userId=3&limit=2&cursor={cursor}", ContractsJsonContext.Default.PageOrder);
            seen.AddRange(page.Items.Select(o => o.Id));
            cursor = page.NextCursor;
        }

        Assert.Equal(before.Items.Select(o => o.Id), seen);
    }
}
