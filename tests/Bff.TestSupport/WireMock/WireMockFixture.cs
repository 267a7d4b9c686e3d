namespace Bff.TestSupport.WireMock;

/// <summary>
/// One WireMock for a whole test assembly: <c>[assembly: AssemblyFixture(typeof(WireMockFixture))]</c>, then take it
/// in a test class constructor. Tests sharing it must not run in parallel (put them in one collection) and
/// should call <see cref="WireMockServer.ResetAsync"/> first.
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private WireMockServer? _server;

    /// <summary>The running server.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("WireMock is not started yet.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await WireMockServer.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
