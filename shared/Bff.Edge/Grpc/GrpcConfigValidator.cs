using Bff.Edge.Configuration;

namespace Bff.Edge.Grpc;

/// <summary>
/// Checks the <c>Grpc</c> section of each route: both keys set, the method found in the descriptor set, unary, with
/// messages the converter supports, and a cluster that speaks HTTP/2.
/// </summary>
internal static class GrpcConfigValidator
{
    public static void Validate(EdgeConfig config, List<string> errors)
    {
        foreach (var (id, route) in config.Routes)
        {
            if (route.Grpc is not { } grpc)
            {
                continue;
            }

            var key = $"Routes.{id}.Grpc";
            var complete = true;
            if (string.IsNullOrWhiteSpace(grpc.DescriptorSet))
            {
                errors.Add($"{key}.DescriptorSet: is required (a FileDescriptorSet file, relative to the config file)");
                complete = false;
            }

            if (string.IsNullOrWhiteSpace(grpc.Method))
            {
                errors.Add($"{key}.Method: is required ('package.Service/Method')");
                complete = false;
            }

            if (complete && !GrpcMethodCatalog.TryGet(grpc, out _, out var error))
            {
                errors.Add($"{key}.{error}");
            }

            if (route.ClusterId is { } clusterId && config.Clusters.TryGetValue(clusterId, out var cluster) && cluster.HttpVersion is not ("2" or "2.0"))
            {
                errors.Add($"{key}: cluster '{clusterId}' must set \"HttpVersion\": \"2\" (gRPC runs over HTTP/2)");
            }
        }
    }
}
