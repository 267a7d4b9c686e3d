using Bff.Clients.Orders;
using Bff.Contracts.Orders;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;
using Web.Bff.Schema;

namespace Web.Bff.Mutations;

/// <summary><c>placeOrder</c>: checks the cart, then one <c>POST /orders</c> for the viewer.</summary>
internal static class PlaceOrderMutation
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;

    private static readonly HashSet<string> InputFields = new(StringComparer.Ordinal) { "items" };

    public static SchemaBuilder AddPlaceOrder(this SchemaBuilder schema) => schema
        .InputObject("PlaceOrderItemInput", i => i
            .Description("One line of the cart.")
            .Field("productId", "ID!", "Product id.")
            .Field("quantity", "Int!", $"How many, 1..{MaxQuantity}."))
        .InputObject("PlaceOrderInput", i => i
            .Description("The cart to order for the viewer.")
            .Field("items", "[PlaceOrderItemInput!]!", $"1..{MaxLines} lines, each product once."))
        .Object("PlaceOrderPayload", t => t
            .Description("The placed order, or the user errors that stopped it.")
            .Data("order", "Order", "The new order (status PENDING); null when `userErrors` is not empty.")
            .Data("userErrors", "[UserError!]!", "What to correct in the input; empty on success.", listSize: 5))
        .Mutation(m => m.Field("placeOrder", "PlaceOrderPayload", f => f
            .Description("Places an order for the viewer. Input mistakes come back in `userErrors`; a failing orders service gives null with an error.")
            .Argument("input", "PlaceOrderInput!", "The cart.")
            .Cost(10)
            .ResolveAsync(c => PlaceAsync(c))));

    private static async ValueTask<object?> PlaceAsync(IResolverContext c)
    {
        var input = (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;
        var errors = new InputErrors();
        var lines = Read(input, errors);
        if (errors.Any)
        {
            return new PlaceOrderPayload(null, errors.Errors);
        }

        var orders = c.Services.GetRequiredService<IOrdersClient>();
        var result = await orders.PlaceOrderAsync(new PlaceOrderRequest(c.UserId(), lines), c.CancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return InputErrors.FromUpstream(result.Error, InputFields, key => key.EndsWith("productId", StringComparison.Ordinal) ? "UNKNOWN_PRODUCT" : InputErrors.Invalid) is { } upstream
                ? new PlaceOrderPayload(null, upstream)
                : throw WebErrors.Upstream(result.Error);
        }

        c.DataLoader<OrderLoader>().Prime(result.Value.Id, result.Value);
        return new PlaceOrderPayload(result.Value, []);
    }

    private static List<PlaceOrderItem> Read(IReadOnlyDictionary<string, object?> input, InputErrors errors)
    {
        var items = ((IEnumerable<object?>)input["items"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        if (items.Count == 0)
        {
            errors.Add("The cart is empty.", InputErrors.Invalid, "items");
        }
        else if (items.Count > MaxLines)
        {
            errors.Add($"At most {MaxLines} lines per order.", "TOO_MANY", "items");
        }

        var lines = new List<PlaceOrderItem>(items.Count);
        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var index = InputErrors.Index(i);
            int? productId = null;
            try
            {
                productId = Ids.Parse(items[i]["productId"], "productId");
            }
            catch (global::Bff.GraphQL.GraphQLException ex)
            {
                errors.Add(ex.Message, InputErrors.Invalid, "items", index, "productId");
            }

            if (productId is { } id && !seen.Add(id))
            {
                errors.Add($"Product {id} is in the cart twice; use one line with the total quantity.", "DUPLICATE", "items", index, "productId");
            }

            var quantity = Convert.ToInt32(items[i]["quantity"], System.Globalization.CultureInfo.InvariantCulture);
            if (quantity is < 1 or > MaxQuantity)
            {
                errors.Add($"Quantity must be between 1 and {MaxQuantity}.", InputErrors.Invalid, "items", index, "quantity");
            }

            if (productId is { } valid)
            {
                lines.Add(new PlaceOrderItem(valid, quantity));
            }
        }

        return lines;
    }
}
