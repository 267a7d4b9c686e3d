using System.Net;
using Bff.Edge.Hosting;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Edge.Tests.Hosting;

public sealed class QuickModeTests
{
    [Fact]
    public async Task Quick_mode_proxies_everything_to_the_one_upstream()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var app = EdgeApplication.Build(EdgeStartOptions.QuickMode(["http://127.0.0.1:0"], [upstream.Url]));
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.GetAsync("/any/path?q=1", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/any/path?q=1", Assert.Single(upstream.Requests).RawTarget);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Quick_mode_rejects_an_upstream_that_is_not_a_URL()
    {
        var error = Assert.Throws<EdgeConfigException>(() => EdgeStartOptions.QuickMode([], ["localhost:5000"]));

        Assert.Contains("Clusters.default.Destinations.upstream-1.Address", error.Message, StringComparison.Ordinal);
    }
}
