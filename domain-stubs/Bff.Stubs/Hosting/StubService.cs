namespace Bff.Stubs.Hosting;

/// <summary>The domain service one stub process plays (config key <c>Stub:Service</c>).</summary>
internal enum StubService
{
    Identity,
    Users,
    Orders,
    Products,
    Reviews,
}
