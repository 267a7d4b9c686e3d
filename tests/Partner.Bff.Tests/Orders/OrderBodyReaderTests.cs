using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Partner.Bff.Orders;
using Partner.Bff.V1;
using Partner.Bff.V2;

namespace Partner.Bff.Tests.Orders;

public sealed class OrderBodyReaderTests
{
    [Fact]
    public void V1_ignores_unknown_fields_and_v2_refuses_them()
    {
        var (v1, _) = Validate("""{ "lines": [ { "productId": 1, "qty": 2, "note": "x" } ], "reference": "r" }""", V1Mapper.OrderBody);
        var (errors, code) = Errors("""{ "items": [ { "productId": 1, "quantity": 2, "note": "x" } ], "reference": "r" }""", V2Mapper.OrderBody);

        Assert.Equal([(1, 2)], v1!.Lines);
        Assert.Equal("unknown_field", code);
        Assert.Equal(["items[0].note", "reference"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "items": [ { "productId": "1", "quantity": 2 } ] }""", "items[0].productId", "The field must be an integer.")]
    [InlineData("""{ "items": [ { "productId": 1.5, "quantity": 2 } ] }""", "items[0].productId", "The field must be an integer.")]
    [InlineData("""{ "items": [ { "productId": 1 } ] }""", "items[0].quantity", "The field is required.")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": -1 } ] }""", "items[0].quantity", "The field must be from 1 to 100.")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 101 } ] }""", "items[0].quantity", "The field must be from 1 to 100.")]
    [InlineData("""{ "items": [ { "productId": 0, "quantity": 1 } ] }""", "items[0].productId", "The field must be at least 1.")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 1 }, { "productId": 1, "quantity": 1 } ] }""", "items[1].productId", "Each product may appear on one line only.")]
    [InlineData("""{ "items": [] }""", "items", "An order has 1 to 50 lines.")]
    [InlineData("""{ "items": 3 }""", "items", "The field must be an array.")]
    [InlineData("""{ }""", "items", "The field is required.")]
    [InlineData("""[ 1 ]""", "$", "The body must be a JSON object.")]
    public void Bad_v2_bodies_name_the_field_and_the_rule(string json, string field, string message)
    {
        var (errors, code) = Errors(json, V2Mapper.OrderBody);

        Assert.Equal("invalid_body", code);
        Assert.Equal([message], errors[field]);
    }

    private static (OrderDraft? Draft, JsonElement? Problem) Validate(string json, OrderBodyShape shape)
    {
        using var document = JsonDocument.Parse(json);
        var (draft, problem) = OrderBodyReader.Validate(document.RootElement, shape);
        return (draft, problem is null ? null : Render(problem));
    }

    private static (Dictionary<string, string[]> Errors, string Code) Errors(string json, OrderBodyShape shape)
    {
        var (draft, problem) = Validate(json, shape);
        Assert.Null(draft);
        var errors = problem!.Value.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        return (errors, problem.Value.GetProperty("code").GetString()!);
    }

    private static JsonElement Render(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        result.ExecuteAsync(context).GetAwaiter().GetResult();
        return JsonDocument.Parse(body.ToArray()).RootElement.Clone();
    }
}
