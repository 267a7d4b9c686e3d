using System.Text.Json.Nodes;

namespace Partner.Bff.Tests.OpenApi;

public sealed class CompatibilityCheckerTests
{
    private const string Released = """
    {
      "paths": {
        "/orders": {
          "get": {
            "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "format": "int32" } } ],
            "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Page" } } } } }
          },
          "post": {
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewOrder" } } } },
            "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } }
          }
        },
        "/products": { "get": { "responses": { "200": { "description": "ok" } } } }
      },
      "components": { "schemas": {
        "Page": { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } }, "next": { "type": ["null", "string"] } } },
        "Order": { "type": "object", "properties": { "id": { "type": "integer", "format": "int32" }, "total": { "type": "number", "format": "double" } } },
        "NewOrder": { "type": "object", "required": [ "lines" ], "properties": { "lines": { "type": "array", "items": { "type": "integer" } } } }
      } }
    }
    """;

    [Fact]
    public void Identical_documents_have_no_breaking_change() =>
        Assert.Empty(Check(_ => { }));

    [Fact]
    public void Additions_are_compatible()
    {
        var breaks = Check(doc =>
        {
            doc["paths"]!["/reviews"] = JsonNode.Parse("""{ "get": { "responses": { "200": { "description": "ok" } } } }""");
            doc["paths"]!["/orders"]!["get"]!["parameters"]!.AsArray().Add(JsonNode.Parse("""{ "name": "status", "in": "query", "schema": { "type": "string" } }"""));
            doc["components"]!["schemas"]!["Order"]!["properties"]!["status"] = JsonNode.Parse("""{ "type": "string" }""");
            doc["components"]!["schemas"]!["NewOrder"]!["properties"]!["note"] = JsonNode.Parse("""{ "type": "string" }""");
        });

        Assert.Empty(breaks);
    }

    [Fact]
    public void Removed_endpoint_and_operation_are_breaking()
    {
        var breaks = Check(doc =>
        {
            doc["paths"]!.AsObject().Remove("/products");
            doc["paths"]!["/orders"]!.AsObject().Remove("post");
        });

        Assert.Equal(["removed operation POST /orders", "removed path /products"], breaks);
    }

    [Fact]
    public void Removed_response_field_is_breaking_also_through_refs_and_arrays()
    {
        var breaks = Check(doc => doc["components"]!["schemas"]!["Order"]!["properties"]!.AsObject().Remove("total"));

        Assert.Contains("removed field GET /orders 200.items[].total", breaks);
        Assert.Contains("removed field POST /orders 201.total", breaks);
    }

    [Fact]
    public void Retyped_field_is_breaking()
    {
        var breaks = Check(doc => doc["components"]!["schemas"]!["Order"]!["properties"]!["total"] =
            JsonNode.Parse("""{ "$ref": "#/components/schemas/Money" }"""), doc =>
            doc["components"]!["schemas"]!["Money"] = JsonNode.Parse("""{ "type": "object", "properties": { "amount": { "type": "number" } } }"""));

        Assert.Contains("retyped POST /orders 201.total: number:double -> object", breaks);
    }

    [Fact]
    public void New_required_inputs_are_breaking()
    {
        var breaks = Check(doc =>
        {
            doc["paths"]!["/orders"]!["get"]!["parameters"]!.AsArray().Add(JsonNode.Parse("""{ "name": "tenant", "in": "header", "required": true, "schema": { "type": "string" } }"""));
            doc["components"]!["schemas"]!["NewOrder"]!["properties"]!["reference"] = JsonNode.Parse("""{ "type": "string" }""");
            doc["components"]!["schemas"]!["NewOrder"]!["required"]!.AsArray().Add("reference");
        });

        Assert.Equal(["new required parameter header:tenant in GET /orders", "new required input POST /orders request.reference"], breaks);
    }

    [Fact]
    public void Retyped_or_removed_parameter_is_breaking()
    {
        var retyped = Check(doc => doc["paths"]!["/orders"]!["get"]!["parameters"]![0]!["schema"] = JsonNode.Parse("""{ "type": "string" }"""));
        var removed = Check(doc => doc["paths"]!["/orders"]!["get"]!["parameters"]!.AsArray().Clear());

        Assert.Equal(["retyped parameter query:limit in GET /orders: integer:int32 -> string"], retyped);
        Assert.Equal(["removed parameter query:limit in GET /orders"], removed);
    }

    private static IReadOnlyList<string> Check(params Action<JsonNode>[] changes)
    {
        var candidate = JsonNode.Parse(Released)!;
        foreach (var change in changes)
        {
            change(candidate);
        }

        return CompatibilityChecker.FindBreakingChanges(JsonNode.Parse(Released)!, candidate);
    }
}
