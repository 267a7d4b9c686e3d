using Bff.Clients.Orders;
using Bff.Clients.Results;
using Bff.Contracts.Orders;

namespace Bff.Contracts.Tests.Consumer;

public sealed class OrdersClientContractTests() : ConsumerTestBase("orders")
{
    [Fact]
    public async Task Get_order_maps_every_field_and_line()
    {
        var result = await Clients.Orders.GetOrderAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        var order = result.Value;
        Assert.Equal(1, order.Id);
        Assert.Equal(1, order.UserId);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 10, 15, 0, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(104.97m, order.Total);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal([new OrderItem(3, 2, 29.99m), new OrderItem(7, 1, 44.99m)], order.Items);
    }

    [Fact]
    public async Task Unknown_order_is_NotFound()
    {
        var result = await Clients.Orders.GetOrderAsync(99999999, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("orders", result.Error?.Service);
    }

    [Fact]
    public async Task Batch_get_keeps_order_and_reports_missing_ids()
    {
        var result = await Clients.Orders.GetOrdersAsync([1, 2, 99999999], Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2], result.Value.Items.Select(o => o.Id));
        Assert.Equal([99999999], result.Value.Missing);
    }

    [Fact]
    public async Task Orders_of_a_user_are_paged()
    {
        var result = await Clients.Orders.ListOrdersAsync(new OrderQuery { UserId = 1, Limit = 1 }, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Single(result.Value.Items);
        Assert.NotNull(result.Value.NextCursor);
    }

    [Fact]
    public async Task Bad_cursor_is_a_BadRequest_with_the_problem()
    {
        var result = await Clients.Orders.ListOrdersAsync(new OrderQuery { UserId = 1, Cursor = "not-a-cursor" }, Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_cursor", result.Error?.Problem?.Code);
    }

    [Fact]
    public async Task Unknown_status_filter_is_a_BadRequest_with_the_problem()
    {
        var result = await Clients.Orders.ListOrdersAsync(new OrderQuery { UserId = 1, Status = "lost" }, Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_query", result.Error?.Problem?.Code);
    }

    [Fact]
    public async Task Recent_orders_are_mapped()
    {
        var result = await Clients.Orders.GetRecentOrdersAsync(1, cancellationToken: Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, Assert.Single(result.Value.Items).Id);
    }

    [Fact]
    public async Task Place_order_posts_the_body_and_returns_the_created_order()
    {
        var result = await Clients.Orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderItem(1, 2)]), Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(10001, result.Value.Id);
        Assert.Equal(OrderStatus.Pending, result.Value.Status);
        Assert.Equal(59.98m, result.Value.Total);
        Assert.Equal(new OrderItem(1, 2, 29.99m), Assert.Single(result.Value.Items));
    }

    [Fact]
    public async Task Unknown_product_in_an_order_is_a_BadRequest_naming_the_field()
    {
        var result = await Clients.Orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderItem(99999999, 1)]), Token);

        Assert.Equal(ServiceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("invalid_body", result.Error?.Problem?.Code);
        Assert.Equal(["Unknown product 99999999."], result.Error?.Problem?.Errors?["items[0].productId"] ?? []);
    }
}
