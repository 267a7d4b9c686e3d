using System.Text.Json.Nodes;
using Bff.Edge.Configuration;
using Bff.Edge.Health;
using Bff.Edge.LoadBalancing;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.LoadBalancing;

public sealed class LoadBalancingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Round_robin_spreads_requests_evenly()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var b = await TestUpstream.StartAsync("b");
        await using var c = await TestUpstream.StartAsync("c");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", a.Url, b.Url, c.Url));
        using var client = edge.CreateClient();

        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync("/x", Ct);
        }

        Assert.Equal([10, 10, 10], new[] { a.Count, b.Count, c.Count });
    }

    [Fact]
    public async Task Weights_send_a_canary_its_share()
    {
        await using var stable = await TestUpstream.StartAsync("stable");
        await using var canary = await TestUpstream.StartAsync("canary");
        var config = EdgeHost.SingleRoute("/{**all}", stable.Url, canary.Url);
        config["Clusters"]!["c1"]!["Destinations"]!["d1"]!["Weight"] = 90;
        config["Clusters"]!["c1"]!["Destinations"]!["d2"]!["Weight"] = 10;
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/x", Ct);
        }

        Assert.Equal(90, stable.Count);
        Assert.Equal(10, canary.Count);
    }

    [Theory]
    [InlineData(LoadBalancingPolicies.Random)]
    [InlineData(LoadBalancingPolicies.PowerOfTwoChoices)]
    [InlineData(LoadBalancingPolicies.LeastRequests)]
    public void Every_policy_honours_weights_roughly(string policyName)
    {
        var cluster = Cluster(policyName, ("a", 3), ("b", 1));
        var counts = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };

        for (var i = 0; i < 4000; i++)
        {
            var picked = cluster.PickDestination()!;
            counts[picked.Id]++;
        }

        // Idle destinations: least-requests alternates; the random ones follow the weights.
        var expectedShareOfA = policyName == LoadBalancingPolicies.LeastRequests ? 0.5 : 0.75;
        Assert.InRange(counts["a"] / 4000.0, expectedShareOfA - 0.05, expectedShareOfA + 0.05);
    }

    [Fact]
    public void Least_requests_avoids_the_busy_destination()
    {
        var cluster = Cluster(LoadBalancingPolicies.LeastRequests, ("a", 1), ("b", 1));
        var busy = cluster.Destinations.Single(d => d.Id == "a");
        busy.RequestStarted();
        busy.RequestStarted();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("b", cluster.PickDestination()!.Id);
        }
    }

    [Fact]
    public void The_weighted_wheel_interleaves_instead_of_bunching()
    {
        var cluster = Cluster(LoadBalancingPolicies.RoundRobin, ("a", 2), ("b", 1));

        var wheel = cluster.Available.Wheel.Select(d => d.Id).ToArray();

        Assert.Equal(["a", "b", "a"], wheel);
    }

    internal static ClusterState Cluster(string policy, params (string Id, int Weight)[] destinations) => new(
        "c",
        new ClusterConfig
        {
            LoadBalancingPolicy = policy,
            Destinations = destinations.ToDictionary(d => d.Id, d => new DestinationConfig { Address = $"http://{d.Id}.test", Weight = d.Weight }),
        },
        TimeProvider.System);
}
