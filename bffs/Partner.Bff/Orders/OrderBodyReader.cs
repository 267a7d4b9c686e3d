using System.Text.Json;
using Partner.Bff.Errors;

namespace Partner.Bff.Orders;

/// <summary>
/// Reads and validates an order body with the field names of a version. Every rule is checked here, so the domain
/// service is called only with an order it can accept apart from unknown products.
/// </summary>
internal static class OrderBodyReader
{
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<(OrderDraft? Draft, IResult? Problem)> ReadAsync(HttpContext context, OrderBodyShape shape)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problems.Problem(
                StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The body must be application/json.", ErrorCodes.UnsupportedMediaType));
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.InvalidBody(Single("$", "The body is larger than 64 KiB.")));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, Problems.InvalidBody(Single("$", "The body is not valid JSON.")));
        }

        using (document)
        {
            return Validate(document.RootElement, shape);
        }
    }

    public static (OrderDraft? Draft, IResult? Problem) Validate(JsonElement root, OrderBodyShape shape)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.InvalidBody(Single("$", "The body must be a JSON object.")));
        }

        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Unknown(root, "", [shape.Lines], unknown);
        var lines = new List<(int, int)>();
        if (!root.TryGetProperty(shape.Lines, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors[shape.Lines] = ["The field is required."];
        }
        else if (array.ValueKind != JsonValueKind.Array)
        {
            errors[shape.Lines] = ["The field must be an array."];
        }
        else if (array.GetArrayLength() is 0 or > OrderBodyShape.MaxLines)
        {
            errors[shape.Lines] = [$"An order has 1 to {OrderBodyShape.MaxLines} lines."];
        }
        else
        {
            var index = 0;
            var seen = new HashSet<int>();
            foreach (var line in array.EnumerateArray())
            {
                var path = $"{shape.Lines}[{index++}]";
                if (line.ValueKind != JsonValueKind.Object)
                {
                    errors[path] = ["A line must be a JSON object."];
                    continue;
                }

                Unknown(line, path + ".", [shape.ProductId, shape.Quantity], unknown);
                var productId = Integer(line, shape.ProductId, path, 1, int.MaxValue, errors);
                var quantity = Integer(line, shape.Quantity, path, 1, OrderBodyShape.MaxQuantity, errors);
                if (productId is { } id && !seen.Add(id))
                {
                    errors[$"{path}.{shape.ProductId}"] = ["Each product may appear on one line only."];
                }

                if (productId is not null && quantity is not null)
                {
                    lines.Add((productId.Value, quantity.Value));
                }
            }
        }

        if (shape.RejectUnknownFields && unknown.Count > 0)
        {
            return (null, Problems.InvalidBody(unknown, ErrorCodes.UnknownField));
        }

        return errors.Count > 0 ? (null, Problems.InvalidBody(errors)) : (new OrderDraft(lines), null);
    }

    private static int? Integer(JsonElement line, string name, string path, int min, int max, Dictionary<string, string[]> errors)
    {
        var field = $"{path}.{name}";
        if (!line.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[field] = ["The field is required."];
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors[field] = ["The field must be an integer."];
            return null;
        }

        if (number < min || number > max)
        {
            errors[field] = [max == int.MaxValue ? $"The field must be at least {min}." : $"The field must be from {min} to {max}."];
            return null;
        }

        return (int)number;
    }

    private static void Unknown(JsonElement element, string prefix, string[] known, Dictionary<string, string[]> unknown)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                unknown[prefix + property.Name] = ["The field is not part of this API version."];
            }
        }
    }

    private static Dictionary<string, string[]> Single(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
