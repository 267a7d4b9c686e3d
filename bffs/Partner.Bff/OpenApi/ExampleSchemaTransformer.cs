using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Partner.Bff.OpenApi;

/// <summary>Puts the example of each contract type (<see cref="ContractExamples"/>) on its schema.</summary>
internal sealed class ExampleSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ContractExamples.All.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, context.JsonTypeInfo.Options)!];
        }

        return Task.CompletedTask;
    }
}
