using Bff.Edge.Configuration;

namespace Bff.Edge.Hosting;

/// <summary>What the gateway starts with: a validated config and, when it came from a file, that file (watched for reloads).</summary>
internal sealed record EdgeStartOptions(EdgeConfig Config, string? ConfigPath)
{
    /// <summary>Loads and validates a config file; throws <see cref="EdgeConfigException"/> naming every bad key.</summary>
    public static EdgeStartOptions FromFile(string path)
    {
        var result = EdgeConfigLoader.LoadFile(path);
        return result.Config is { } config
            ? new EdgeStartOptions(config, path)
            : throw new EdgeConfigException(result.Errors);
    }

    /// <summary>Quick mode: everything from <paramref name="listenUrls"/> goes to <paramref name="upstreams"/> with the default policies.</summary>
    public static EdgeStartOptions QuickMode(IReadOnlyList<string> listenUrls, IReadOnlyList<string> upstreams)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal);
        for (var i = 0; i < upstreams.Count; i++)
        {
            destinations[$"upstream-{i + 1}"] = new DestinationConfig { Address = upstreams[i] };
        }

        var config = new EdgeConfig
        {
            Server = new ServerConfig { Urls = listenUrls.Count > 0 ? listenUrls : null },
            Routes = new Dictionary<string, RouteConfig>(StringComparer.Ordinal)
            {
                ["default"] = new RouteConfig { ClusterId = "default", Match = new RouteMatchConfig { Path = "/{**path}" } },
            },
            Clusters = new Dictionary<string, ClusterConfig>(StringComparer.Ordinal)
            {
                ["default"] = new ClusterConfig { Destinations = destinations },
            },
        };
        var errors = EdgeConfigValidator.Validate(config);
        return errors.Count == 0 ? new EdgeStartOptions(config, null) : throw new EdgeConfigException(errors);
    }
}
