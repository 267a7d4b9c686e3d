namespace Bff.Stubs.Hosting;

/// <summary>The loopback port of each service (shared/ARCHITECTURE.md, "Local ports").</summary>
internal static class StubPorts
{
    public static int For(StubService service) => service switch
    {
        StubService.Identity => 5200,
        StubService.Users => 5201,
        StubService.Orders => 5202,
        StubService.Products => 5203,
        StubService.Reviews => 5204,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };
}
