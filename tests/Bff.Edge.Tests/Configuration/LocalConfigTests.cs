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

    [Fact]
    public void Only_the_graphql_IDE_page_and_its_assets_reach_the_web_bff_without_a_token()
    {
        var page = Config.Routes["graphql-ide"];
        var header = Assert.Single(page.Match!.Headers!);

        Assert.Equal(["GET", "HEAD"], page.Match.Methods!);
        Assert.Equal(("Accept", HeaderMatchMode.Contains, "text/html"), (header.Name, header.Mode, Assert.Single(header.Values!)));
        Assert.True(page.Order < Config.Routes["graphql"].Order);
        Assert.Equal(
            ["graphql-ide", "graphql-ide-assets"],
            Config.Routes.Where(r => r.Value.ClusterId == "web-bff" && r.Value.Auth is null).Select(r => r.Key).Order());
    }

    [Fact]
    public void The_partner_reference_needs_no_token()
    {
        var route = Config.Routes["partner-reference"];

        Assert.Null(route.Auth);
        Assert.Equal("/partner/docs/{**asset}", route.Match!.Path);
        Assert.Equal(["GET", "HEAD"], route.Match.Methods!);
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
