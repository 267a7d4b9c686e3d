using System.Runtime.CompilerServices;
using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Configuration;

/// <summary>The config ./run.sh starts the edge with must load, and keep the routes and policies the suite relies on.</summary>
public sealed class LocalConfigTests
{
    private static readonly EdgeConfig Config = Load();

    [Fact]
    public void Local_config_loads_without_errors()
    {
        Assert.NotNull(Config);
    }

    [Theory]
    [InlineData("graphql", "web-bff", "web-app")]
    [InlineData("mobile", "mobile-bff", "mobile-app")]
    public void App_routes_need_their_own_client_and_carry_the_app_user_limit(string route, string audience, string client)
    {
        var config = Config.Routes[route];

        Assert.Equal(audience, config.Auth!.Audience);
        Assert.Equal([client], config.Auth.Clients!);
        Assert.Equal("app-users", config.RateLimit!.Policy);
    }

    [Theory]
    [InlineData("partner-v1")]
    [InlineData("partner-v2")]
    public void Partner_routes_limit_by_plan_per_client(string route)
    {
        var limit = Config.Routes[route].RateLimit!;

        Assert.Equal("partner-free", limit.PlanPolicies!["free"]);
        Assert.Equal("partner-gold", limit.PlanPolicies["gold"]);
        Assert.Equal(RateLimitPartition.Client, limit.PartitionBy);
        Assert.Equal(["partner.read"], Config.Routes[route].Auth!.Scopes!);
    }

    [Fact]
    public void Identity_routes_stay_anonymous()
    {
        Assert.Null(Config.Routes["token"].Auth);
        Assert.Null(Config.Routes["well-known"].Auth);
    }

    private static EdgeConfig Load()
    {
        var result = EdgeConfigLoader.LoadFile(Path.Combine(RepoRoot(), "config", "edge.local.json"));
        Assert.True(result.Config is not null, string.Join('\n', result.Errors));
        return result.Config!;
    }

    // The build output may live outside the repository (BFF_ARTIFACTS); this file's own path does not.
    private static string RepoRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
