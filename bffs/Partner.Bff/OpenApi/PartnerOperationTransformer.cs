using System.Text.Json.Nodes;
using Bff.Contracts.Orders;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Partner.Bff.Idempotency;

namespace Partner.Bff.OpenApi;

/// <summary>
/// Per operation: the security requirement of its scope (either scheme), v1's deprecation flag, and the real types of
/// the parameters the handlers read as text so they can answer bad values with their own problem documents.
/// </summary>
internal sealed class PartnerOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().FirstOrDefault();
        if (scope is not null)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PartnerDocumentTransformer.OAuth2, context.Document)] = [scope.Scope] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PartnerDocumentTransformer.ApiKey, context.Document)] = [] },
            ];
        }

        if (context.DocumentName == "v1")
        {
            operation.Deprecated = true;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            switch (parameter.Name)
            {
                case "id":
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "2147483647" };
                    break;
                case "limit":
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "100", Default = JsonValue.Create(20) };
                    break;
                case "minPrice" or "maxPrice":
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0" };
                    break;
                case "status":
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. OrderStatus.All.Select(s => (JsonNode)JsonValue.Create(s))],
                    };
                    break;
                case IdempotencyKeyHeader.Name:
                    parameter.Required = true;
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength };
                    parameter.Example = JsonValue.Create("9b2f6c1e-3f0a-4d8e-9a57-1f0c2b7d4e11");
                    break;
                default:
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
