using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Contracts.Tests.TestSupport;

public sealed class ServiceProcessTests
{
    [Fact]
    public async Task Stub_starts_on_a_loopback_port_and_is_ready()
    {
        await using var stub = await ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", "products"], cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = stub.BaseAddress };

        using var response = await client.GetAsync("readyz", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("127.0.0.1", stub.BaseAddress.Host);
    }

    [Fact]
    public async Task Process_that_exits_before_ready_fails_with_its_output()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-service-" + Guid.NewGuid().ToString("N") + ".dll");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartDotnetAsync(missing, [], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_root_holds_the_solution_and_the_contracts()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "Bff.sln")));
        Assert.True(Directory.Exists(RepoPaths.Contracts));
    }
}
