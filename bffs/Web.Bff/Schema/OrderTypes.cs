using Bff.Contracts.Orders;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;

namespace Web.Bff.Schema;

/// <summary>Orders and their line items; each item's product comes through <see cref="ProductLoader"/>.</summary>
internal static class OrderTypes
{
    public static SchemaBuilder AddOrderTypes(this SchemaBuilder schema) => schema
        .AddConnection("Order", pageSizeEstimate: 20)
        .Object("Order", t => t
            .Description("An order of the viewer.")
            .Data("id", "ID!", "Order id.")
            .Data("status", "OrderStatus!", "Where the order is.")
            .Data("createdAt", "DateTime!", "When it was placed.")
            .Data("total", "Money!", "What was paid for the whole order.", c => new Money(c.Parent<Order>().Total, c.Parent<Order>().Currency))
            .Data("itemCount", "Int!", "Number of items (sum of quantities).", c => c.Parent<Order>().Items.Sum(i => i.Quantity))
            .Data("items", "[OrderItem!]!", "The line items.", c => c.Parent<Order>().Items.Select(i => new OrderLine(i, c.Parent<Order>().Currency)).ToList(), listSize: 5))
        .Object("OrderItem", t => t
            .Description("One line of an order.")
            .Data("productId", "ID!", "Id of the product ordered (there even when the product cannot be loaded).", c => c.Parent<OrderLine>().Item.ProductId)
            .Data("quantity", "Int!", "How many.", c => c.Parent<OrderLine>().Item.Quantity)
            .Data("unitPrice", "Money!", "Price of one when the order was placed.", c => new Money(c.Parent<OrderLine>().Item.UnitPrice, c.Parent<OrderLine>().Currency))
            .Data("lineTotal", "Money!", "Quantity times unit price.", c => new Money(c.Parent<OrderLine>().Item.UnitPrice * c.Parent<OrderLine>().Item.Quantity, c.Parent<OrderLine>().Currency))
            .Field("product", "Product", f => f
                .Description("The product today (batched: one products call for all items of the page); null (with an error) when the products service fails.")
                .Cost(1)
                .Batched()
                .ResolveAsync(async c =>
                {
                    var id = c.Parent<OrderLine>().Item.ProductId;
                    return await c.DataLoader<ProductLoader>().LoadAsync(id).ConfigureAwait(false) ?? throw WebErrors.NotFound("product", id);
                })));
}
