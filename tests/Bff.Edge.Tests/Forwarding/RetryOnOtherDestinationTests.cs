using System.Net;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Forwarding;

/// <summary>A request that never got an answer from a dead destination: idempotent ones go once to another, others fail.</summary>
public sealed class RetryOnOtherDestinationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_GET_to_a_destination_that_refuses_connections_is_answered_by_another()
    {
        await using var live = await TestUpstream.StartAsync("live");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", $"http://127.0.0.1:{Ports.Closed()}", live.Url));
        using var client = edge.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("/x", Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(20, live.Count);
    }

    [Fact]
    public async Task A_POST_to_a_destination_that_refuses_connections_is_not_sent_elsewhere()
    {
        await using var live = await TestUpstream.StartAsync("live");
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", $"http://127.0.0.1:{Ports.Closed()}", live.Url));
        using var client = edge.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/x", new StringContent("{}"), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.BadGateway));
        Assert.Equal(2, live.Count);
    }
}
