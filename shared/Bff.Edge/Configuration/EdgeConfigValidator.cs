using Bff.Edge.Caching;
using Bff.Edge.Grpc;

namespace Bff.Edge.Configuration;

/// <summary>Runs the validator of each concern over a whole config file.</summary>
internal static class EdgeConfigValidator
{
    public static List<string> Validate(EdgeConfig config)
    {
        var errors = new List<string>();
        ServerConfigValidator.Validate(config.Server, errors);
        foreach (var (id, cluster) in config.Clusters)
        {
            ClusterConfigValidator.Validate(id, cluster, errors);
        }

        foreach (var (id, route) in config.Routes)
        {
            RouteConfigValidator.Validate(id, route, config.Clusters, errors);
        }

        PolicyConfigValidator.Validate(config, errors);
        HeaderTransformsValidator.Validate(config, errors);
        CacheConfigValidator.Validate(config, errors);
        GrpcConfigValidator.Validate(config, errors);

        return errors;
    }
}
