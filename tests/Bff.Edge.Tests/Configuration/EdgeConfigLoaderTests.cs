using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Configuration;

public sealed class EdgeConfigLoaderTests
{
    private const string Valid = """
        {
          // comments are allowed
          "Routes": { "web": { "ClusterId": "web", "Match": { "Path": "/graphql", "Methods": ["GET", "POST"] }, "Timeout": "00:00:05" } },
          "Clusters": { "web": { "LoadBalancingPolicy": "LeastRequests", "Destinations": { "a": { "Address": "http://127.0.0.1:5101", "Weight": 3 } } } },
        }
        """;

    [Fact]
    public void A_valid_file_loads_with_its_values()
    {
        var result = EdgeConfigLoader.Parse(Valid, "test.json");

        Assert.Empty(result.Errors);
        var route = result.Config!.Routes["web"];
        Assert.Equal("web", route.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(5), route.Timeout);
        Assert.Equal(["GET", "POST"], route.Match!.Methods!);
        Assert.Equal(3, result.Config.Clusters["web"].Destinations!["a"].Weight);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_path()
    {
        var result = EdgeConfigLoader.Parse("""{ "Routes": { "web": { "ClusterId": "web", "Match": { "Pth": "/x" } } } }""", "edge.json");

        var error = Assert.Single(result.Errors);
        Assert.Contains("Pth", error, StringComparison.Ordinal);
        Assert.Contains("$.Routes.web.Match", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_not_thrown()
    {
        var result = EdgeConfigLoader.Parse("{ \"Routes\": ", "edge.json");

        Assert.Null(result.Config);
        Assert.StartsWith("edge.json: ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "missing", "Match": { "Path": "/x" } } } }""", "Routes.r.ClusterId")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "x" } } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Match.Path")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c" } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Match.Path")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/{**rest}/x" } } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Match.Path")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/x", "Methods": ["get"] } } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Match.Methods[0]")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/x" }, "Transforms": { "PathPattern": "/{nope}" } } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Transforms.PathPattern")]
    [InlineData("""{ "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/x" }, "Timeout": "-00:00:01" } }, "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } } } } }""", "Routes.r.Timeout")]
    [InlineData("""{ "Clusters": { "c": { "Destinations": { "a": { "Address": "ftp://h" } } } } }""", "Clusters.c.Destinations.a.Address")]
    [InlineData("""{ "Clusters": { "c": { "Destinations": {} } } }""", "Clusters.c.Destinations")]
    [InlineData("""{ "Clusters": { "c": { "LoadBalancingPolicy": "Fastest", "Destinations": { "a": { "Address": "http://h" } } } } }""", "Clusters.c.LoadBalancingPolicy")]
    [InlineData("""{ "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h", "Weight": -1 } } } } }""", "Clusters.c.Destinations.a.Weight")]
    [InlineData("""{ "Clusters": { "c": { "HttpVersion": "3", "Destinations": { "a": { "Address": "http://h" } } } } }""", "Clusters.c.HttpVersion")]
    [InlineData("""{ "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } }, "HealthCheck": { "Active": { "Enabled": true, "Path": "healthz" } } } } }""", "Clusters.c.HealthCheck.Active.Path")]
    [InlineData("""{ "Clusters": { "c": { "Destinations": { "a": { "Address": "http://h" } }, "HealthCheck": { "Passive": { "ConsecutiveFailures": 0 } } } } }""", "Clusters.c.HealthCheck.Passive.ConsecutiveFailures")]
    [InlineData("""{ "Server": { "Urls": ["tcp://0.0.0.0:1"] } }""", "Server.Urls[0]")]
    [InlineData("""{ "Server": { "TrustedProxies": ["not-an-ip"] } }""", "Server.TrustedProxies[0]")]
    [InlineData("""{ "Server": { "Limits": { "MaxRequestHeadersTotalSize": 0 } } }""", "Server.Limits.MaxRequestHeadersTotalSize")]
    [InlineData("""{ "Server": { "Limits": { "MinDataRateGracePeriod": "00:00:01" } } }""", "Server.Limits.MinDataRateGracePeriod")]
    public void An_invalid_value_is_reported_with_the_key_that_holds_it(string json, string key)
    {
        var result = EdgeConfigLoader.Parse(json, "edge.json");

        Assert.Null(result.Config);
        Assert.Contains(result.Errors, e => e.StartsWith($"edge.json: {key}:", StringComparison.Ordinal));
    }

    [Fact]
    public void Configs_with_the_same_values_are_equal_so_a_reload_can_diff_them()
    {
        var first = EdgeConfigLoader.Parse(Valid, "a").Config!;
        var second = EdgeConfigLoader.Parse(Valid, "b").Config!;
        var changed = EdgeConfigLoader.Parse(Valid.Replace("\"Weight\": 3", "\"Weight\": 4", StringComparison.Ordinal), "c").Config!;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Routes["web"], changed.Routes["web"]);
        Assert.NotEqual(first.Clusters["web"], changed.Clusters["web"]);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void The_local_suite_config_is_valid()
    {
        var path = Path.Combine(RepoRoot(), "config", "edge.local.json");

        var result = EdgeConfigLoader.LoadFile(path);

        Assert.Empty(result.Errors);
        Assert.Equal(["identity", "mobile-bff", "partner-bff", "reviews-grpc", "web-bff"], result.Config!.Clusters.Keys.Order().ToArray());
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bff.sln")))
        {
            directory = directory.Parent;
        }

        // Artifacts may live outside the repository (BFF_ARTIFACTS): fall back to the source location.
        return directory?.FullName ?? Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
