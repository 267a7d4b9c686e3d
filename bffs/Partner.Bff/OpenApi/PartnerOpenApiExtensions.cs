using Microsoft.AspNetCore.OpenApi;
using Partner.Bff.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>One OpenAPI document per version, served at <c>/partner/{version}/openapi.json</c> without a token.</summary>
internal static class PartnerOpenApiExtensions
{
    public static readonly string[] Versions = ["v1", "v2"];

    public static IHostApplicationBuilder AddPartnerOpenApi(this IHostApplicationBuilder builder)
    {
        foreach (var version in Versions)
        {
            builder.Services.AddOpenApi(version, options =>
            {
                // Each version names its types V1Order, V2Order...; partners read them as Order in either document.
                options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && (id.StartsWith("V1", StringComparison.Ordinal) || id.StartsWith("V2", StringComparison.Ordinal))
                    ? id[2..]
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
                options.AddDocumentTransformer<PartnerDocumentTransformer>();
                options.AddOperationTransformer<PartnerOperationTransformer>();
                options.AddSchemaTransformer<ExampleSchemaTransformer>();
            });
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapPartnerOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/partner/{documentName}/openapi.json");
        return endpoints;
    }
}
