using Bff.Contracts.Orders;
using Bff.Contracts.Products;

namespace Partner.Bff.V2;

/// <summary>Domain records to the v2 contract.</summary>
internal static class V2Mapper
{
    public static readonly Orders.OrderBodyShape OrderBody = new("items", "productId", "quantity", RejectUnknownFields: true);

    public static V2Order ToV2(Order order) =>
        new(order.Id, order.Status, order.CreatedAt, new V2Money(order.Total, order.Currency),
            [.. order.Items.Select(i => new V2OrderItem(i.ProductId, i.Quantity, new V2Money(i.UnitPrice, order.Currency)))]);

    public static V2Product ToV2(Product product) =>
        new(product.Id, product.Name, product.Description, product.Category, new V2Money(product.Price, product.Currency), product.Stock);

    /// <summary>The orders service's field names are v2's already.</summary>
    public static string FieldName(string domainField) => domainField;
}
