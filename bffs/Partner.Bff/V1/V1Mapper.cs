using Bff.Contracts.Orders;
using Bff.Contracts.Products;

namespace Partner.Bff.V1;

/// <summary>Domain records to the v1 contract, and the domain's field names to v1's in error maps.</summary>
internal static class V1Mapper
{
    public static readonly Orders.OrderBodyShape OrderBody = new("lines", "productId", "qty", RejectUnknownFields: false);

    public static V1Order ToV1(Order order) =>
        new(order.Id, order.Status, order.CreatedAt, order.Total, order.Currency, [.. order.Items.Select(i => new V1OrderLine(i.ProductId, i.Quantity, i.UnitPrice))]);

    public static V1Product ToV1(Product product) =>
        new(product.Id, product.Name, product.Description, product.Category, product.Price, product.Currency, product.Stock, product.Stock > 0);

    /// <summary><c>items[0].quantity</c> of the orders service becomes <c>lines[0].qty</c>.</summary>
    public static string FieldName(string domainField) =>
        domainField.Replace("items", "lines", StringComparison.Ordinal).Replace("quantity", "qty", StringComparison.Ordinal);
}
