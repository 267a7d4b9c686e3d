using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Partner.Bff.OpenApi;

/// <summary>
/// Puts the example of each contract type (<see cref="ContractExamples"/>) on its schema, and closes the schemas of
/// <see cref="ClosedContractAttribute"/> types.
/// </summary>
internal sealed class ExampleSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ContractExamples.All.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, context.JsonTypeInfo.Options)!];
        }

        if (context.JsonTypeInfo.Type.IsDefined(typeof(ClosedContractAttribute), inherit: false))
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}
