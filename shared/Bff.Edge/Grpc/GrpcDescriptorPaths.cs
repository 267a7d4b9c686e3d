using Bff.Edge.Configuration;

namespace Bff.Edge.Grpc;

/// <summary>
/// Makes each route's <c>Grpc.DescriptorSet</c> absolute: relative to the config file's folder, or, when it is not
/// there, to the edge's own folder, where the build and publish put the suite's descriptor sets (so a config copied
/// elsewhere, like the container's, still finds them).
/// </summary>
internal static class GrpcDescriptorPaths
{
    /// <summary><paramref name="source"/> is the config file's path (a label for configs not read from a file: then the working directory counts).</summary>
    public static EdgeConfig Resolve(EdgeConfig config, string source)
    {
        if (!config.Routes.Values.Any(r => r.Grpc?.DescriptorSet is { Length: > 0 }))
        {
            return config;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(source))!;
        var routes = new Dictionary<string, RouteConfig>(StringComparer.Ordinal);
        foreach (var (id, route) in config.Routes)
        {
            routes[id] = route.Grpc is { DescriptorSet: { Length: > 0 } path } grpc
                ? route with { Grpc = grpc with { DescriptorSet = Locate(path, directory) } }
                : route;
        }

        return config with { Routes = routes };
    }

    private static string Locate(string path, string configDirectory)
    {
        var besideConfig = Path.GetFullPath(path, configDirectory);
        if (Path.IsPathRooted(path) || File.Exists(besideConfig))
        {
            return besideConfig;
        }

        var besideEdge = Path.GetFullPath(path, AppContext.BaseDirectory);
        return File.Exists(besideEdge) ? besideEdge : besideConfig;
    }
}
