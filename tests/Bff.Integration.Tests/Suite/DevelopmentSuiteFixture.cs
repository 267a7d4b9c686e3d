using System.Text.Json.Nodes;
using Bff.TestSupport.Paths;

namespace Bff.Integration.Tests.Suite;

/// <summary>
/// The suite as ./run.sh starts it: BFFs in Development (introspection, GraphiQL) and the edge with the routes of
/// <c>config/edge.local.json</c> itself (all but the gRPC ratings route), so the developer pages are tested through the
/// anonymous routes users get.
/// </summary>
public sealed class DevelopmentSuiteFixture : SuiteFixture
{
    protected override string EnvironmentName => "Development";

    protected override JsonObject EdgeConfig()
    {
        var config = base.EdgeConfig();
        var local = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "edge.local.json")))!;
        var routes = local["Routes"]!.DeepClone().AsObject();
        routes.Remove("ratings");
        config["Routes"] = routes;
        config["Clusters"] = new JsonObject
        {
            ["web-bff"] = ClusterAt(Services["Web.Bff"].BaseAddress),
            ["mobile-bff"] = ClusterAt(Services["Mobile.Bff"].BaseAddress),
            ["partner-bff"] = ClusterAt(Services["Partner.Bff"].BaseAddress),
            ["identity"] = ClusterAt(new Uri(Identity.Url)),
        };
        return config;
    }
}
