using System.Net;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Health;

public sealed class HealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failing_destination_is_ejected_after_consecutive_failures_and_comes_back_after_the_cool_down()
    {
        await using var good = await TestUpstream.StartAsync("good");
        await using var bad = await TestUpstream.StartAsync("bad");
        bad.ForcedStatus = 503;
        var config = EdgeHost.SingleRoute("/{**all}", good.Url, bad.Url);
        config["Clusters"]!["c1"]!["HealthCheck"] = new JsonObject
        {
            ["Passive"] = new JsonObject { ["ConsecutiveFailures"] = 2, ["ReactivationPeriod"] = "00:00:01" },
        };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("/x", Ct);
        }

        // Round robin sends every other request to "bad" until its second 503 ejects it.
        Assert.Equal(2, bad.Count);
        Assert.Equal(18, good.Count);

        bad.ForcedStatus = null;
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/x", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(7, bad.Count);
    }

    [Fact]
    public async Task When_every_destination_is_ejected_the_answer_is_a_503_problem()
    {
        await using var edge = await EdgeHost.StartAsync(WithPassive(EdgeHost.SingleRoute("/{**all}", $"http://127.0.0.1:{Ports.Closed()}"), failures: 1));
        using var client = edge.CreateClient();

        using (var first = await client.GetAsync("/x", Ct))
        {
            await Forwarding.ForwardingTests.AssertProblemAsync(first, HttpStatusCode.BadGateway);
        }

        using var second = await client.GetAsync("/x", Ct);
        await Forwarding.ForwardingTests.AssertProblemAsync(second, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Active_probes_take_an_unhealthy_destination_out_and_put_it_back()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var b = await TestUpstream.StartAsync("b");
        b.ForcedStatus = 500;
        var config = EdgeHost.SingleRoute("/{**all}", a.Url, b.Url);
        config["Clusters"]!["c1"]!["HealthCheck"] = new JsonObject
        {
            ["Active"] = new JsonObject { ["Enabled"] = true, ["Interval"] = "00:00:00.200", ["Path"] = "/healthz" },
            ["Passive"] = new JsonObject { ["Enabled"] = false },
        };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();
        await WaitUntilAsync(() => b.Requests.Any(r => r.Path == "/healthz"));
        await Task.Delay(300, Ct);

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/work", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.DoesNotContain(b.Requests, r => r.Path == "/work");

        b.ForcedStatus = null;
        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/work", Ct);
        }

        Assert.Contains(b.Requests, r => r.Path == "/work");
        Assert.Contains(a.Requests, r => r.Path == "/healthz");
    }

    internal static JsonObject WithPassive(JsonObject config, int failures)
    {
        config["Clusters"]!["c1"]!["HealthCheck"] = new JsonObject
        {
            ["Passive"] = new JsonObject { ["ConsecutiveFailures"] = failures, ["ReactivationPeriod"] = "00:01:00" },
        };
        return config;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(condition());
    }
}
