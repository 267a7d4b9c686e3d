using System.Net;
using Bff.TestSupport.Net;
using Mobile.Bff.Tests.Support;

namespace Mobile.Bff.Tests.Integration;

/// <summary><c>/readyz</c> follows the domain services; <c>/healthz</c> does not.</summary>
public sealed class ReadinessTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Ready_when_the_domain_services_answer()
    {
        using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Not_ready_when_no_domain_service_answers_but_still_alive()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var bff = MobileBffHost.Start(Keys, nowhere);
        using var client = bff.CreateRealClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);
        using var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Degraded_but_ready_when_one_domain_service_is_down()
    {
        var services = new Dictionary<string, Uri>(await Stubs.StartAsync()) { ["reviews"] = new($"http://127.0.0.1:{FreePort.Next()}/") };
        await using var bff = MobileBffHost.Start(Keys, services);
        using var client = bff.CreateRealClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync(Token));
    }
}
