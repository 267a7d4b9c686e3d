using System.Net;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Hosting;

public sealed class HotReloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_change_to_the_file_applies_without_restart()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var b = await TestUpstream.StartAsync("b");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", a.Url));
        using var client = edge.CreateClient();
        Assert.Equal("upstream:a", await client.GetStringAsync("/x", Ct));

        await edge.WriteConfigAsync(EdgeHost.SingleRoute("/{**all}", b.Url).ToJsonString());

        var seen = "";
        for (var i = 0; i < 50 && seen != "upstream:b"; i++)
        {
            await Task.Delay(100, Ct);
            seen = await client.GetStringAsync("/x", Ct);
        }

        Assert.Equal("upstream:b", seen);
    }

    [Fact]
    public async Task An_invalid_file_is_rejected_and_the_last_good_config_keeps_serving()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", a.Url));
        using var client = edge.CreateClient();

        await edge.WriteConfigAsync("""{ "Routes": { "r1": { "ClusterId": "missing", "Match": { "Path": "/" } } } }""");
        Assert.False(edge.ConfigProvider.Reload());
        await edge.WriteConfigAsync("{ not json");
        Assert.False(edge.ConfigProvider.Reload());
        await Task.Delay(500, Ct);

        Assert.Equal("upstream:a", await client.GetStringAsync("/x", Ct));
        Assert.Equal(a.Url, edge.ConfigProvider.Current.Config.Clusters["c1"].Destinations!["d1"].Address);
    }

    [Fact]
    public async Task A_request_in_flight_during_a_reload_completes_on_the_old_config()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.WriteAsync("slow-a", context.RequestAborted);
        });
        await using var b = await TestUpstream.StartAsync("b");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", a.Url));
        using var client = edge.CreateClient();

        var slow = client.GetStringAsync("/slow", Ct);
        await Health.HealthCheckTests.WaitUntilAsync(() => a.Count == 1);
        await edge.WriteConfigAsync(EdgeHost.SingleRoute("/{**all}", b.Url).ToJsonString());
        Assert.True(edge.ConfigProvider.Reload());
        Assert.Equal("upstream:b", await client.GetStringAsync("/fast", Ct));
        release.SetResult();

        Assert.Equal("slow-a", await slow);
    }

    [Fact]
    public async Task Shutdown_drains_a_request_in_flight_then_stops_accepting()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            await context.Response.WriteAsync("finished", context.RequestAborted);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        var inFlight = client.GetAsync("/slow", Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var stopping = edge.StopAsync(Ct);

        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished", await response.Content.ReadAsStringAsync(Ct));
        await stopping;
        using var fresh = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync(edge.HttpUrl + "/x", Ct));
    }
}
