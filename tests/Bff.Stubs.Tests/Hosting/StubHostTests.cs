using System.Net;
using Bff.Stubs.Seed;
using Bff.Stubs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stubs.Tests.Hosting;

public sealed class StubHostTests
{
    [Fact]
    public async Task Readyz_turns_200_once_seeding_is_done()
    {
        await using var stub = new StubFactory("orders");
        using var client = stub.CreateClient();

        await client.WaitReadyAsync();

        Assert.True(stub.Services.GetRequiredService<SeedStatus>().IsReady);
    }

    [Fact]
    public async Task Readiness_check_is_unhealthy_until_seeded()
    {
        var status = new SeedStatus();
        var check = new SeedHealthCheck(status);

        var before = await check.CheckHealthAsync(new(), Http.Ct);
        status.MarkReady(TimeSpan.FromMilliseconds(5));
        var after = await check.CheckHealthAsync(new(), Http.Ct);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, before.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Only_the_chosen_services_routes_exist()
    {
        await using var stub = new StubFactory("users");
        using var client = stub.CreateClient();

        using var orders = await client.GetAsync("/orders/1", Http.Ct);

        await ProblemAssert.IsProblemAsync(orders, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await using var stub = new StubFactory("users");
        using var client = stub.CreateClient();

        using var response = await client.DeleteAsync("/users/1", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("payments")]
    [InlineData("1")]
    public async Task An_unknown_service_fails_at_start(string service)
    {
        await using var stub = new StubFactory(service);

        var error = Assert.ThrowsAny<Exception>(() => stub.CreateClient());

        Assert.Contains("Stub:Service", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_identity_setting_fails_at_start_naming_the_key()
    {
        await using var stub = new StubFactory("identity", new Dictionary<string, string> { ["Identity:RotationDelaySeconds"] = "-1" });

        var error = Assert.ThrowsAny<Exception>(() => stub.CreateClient());

        Assert.Contains("RotationDelaySeconds", error.ToString(), StringComparison.Ordinal);
    }
}
