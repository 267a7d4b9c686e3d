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

        foreach (var (status, response) in operation.Responses ?? [])
        {
            Describe(response as OpenApiResponse, status, context);
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
                    parameter.Description = "A unique value per order (for example a UUID); a repeat with the same key and body returns the first result.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength };
                    parameter.Example = JsonValue.Create("9b2f6c1e-3f0a-4d8e-9a57-1f0c2b7d4e11");
                    break;
                default:
                    break;
            }
        }

        return Task.CompletedTask;
    }

    // The headers that carry part of the contract: v1's deprecation, paging links, the placed order's address.
    private static void Describe(OpenApiResponse? response, string status, OpenApiOperationTransformerContext context)
    {
        if (response is null)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        if (context.DocumentName == "v1")
        {
            response.Headers["Deprecation"] = Header("RFC 9745 structured date of v1's deprecation, e.g. @1767225600.");
            response.Headers["Sunset"] = Header("RFC 8594 HTTP-date after which v1 no longer answers.");
            response.Headers["Link"] = Header("<the same path in v2>; rel=\"successor-version\" (and rel=\"next\" on a list page that has a next page).");
        }
        else if (status == "200" && context.Description.HttpMethod == "GET" && context.Description.RelativePath?.EndsWith('s') == true)
        {
            response.Headers["Link"] = Header("<next page URL>; rel=\"next\" when there is a next page.");
        }

        if (status == "201")
        {
            response.Headers["Location"] = Header("The placed order's URL in this version.");
            response.Headers["Idempotent-Replayed"] = Header("true when this answer replays an earlier request with the same Idempotency-Key.");
        }

        if (status is "503" or "504")
        {
            response.Headers["Retry-After"] = Header("Seconds to wait before retrying.");
        }
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
