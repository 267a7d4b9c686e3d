using Bff.Contracts.Orders;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Orders;

/// <summary>Checks a <see cref="PlaceOrderRequest"/> and prices its lines; errors are keyed by JSON path.</summary>
internal static class PlaceOrderValidator
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;

    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request, ProductPrices prices, out List<OrderItem> items)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        items = [];
        if (request.UserId is < 1 or > SeedSizes.Users)
        {
            errors["userId"] = [$"userId must be a known user (1..{SeedSizes.Users}); got {request.UserId}."];
        }

        if (request.Items is not { Count: >= 1 and <= MaxLines })
        {
            errors["items"] = [$"items must hold 1 to {MaxLines} lines."];
            return errors;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var line = request.Items[i];
            if (line is null)
            {
                errors[$"items[{i}]"] = ["A line must be an object."];
                continue;
            }

            var product = prices.Find(line.ProductId);
            if (product is null)
            {
                errors[$"items[{i}].productId"] = [$"Unknown product {line.ProductId}."];
            }
            else if (!seen.Add(product.Id))
            {
                errors[$"items[{i}].productId"] = [$"Product {product.Id} is listed twice."];
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                errors[$"items[{i}].quantity"] = [$"quantity must be 1 to {MaxQuantity}; got {line.Quantity}."];
            }

            if (product is not null && errors.Count == 0)
            {
                items.Add(new OrderItem(product.Id, line.Quantity, product.Price));
            }
        }

        return errors;
    }
}
