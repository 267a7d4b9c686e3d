using Bff.Contracts.Tests.Support;
using Bff.TestSupport.Paths;
using Bff.TestSupport.WireMock;

namespace Bff.Contracts.Tests.Consumer;

/// <summary>
/// A consumer test: WireMock reset and loaded with the contract files of one service, and fresh clients
/// pointed at it. Classes deriving from it join the "WireMock" collection (they share one server).
/// </summary>
public abstract class ConsumerTestBase(WireMockFixture wireMock, string service) : IAsyncLifetime
{
    private ClientHost? _clients;

    protected WireMockServer WireMock => wireMock.Server;

    internal ClientHost Clients => _clients ?? throw new InvalidOperationException("Not initialized.");

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        await WireMock.ResetAsync(Token);
        var loaded = await WireMock.AddMappingFilesAsync(Path.Combine(RepoPaths.Contracts, service), Token);
        Assert.True(loaded > 0, $"No contract files for {service}.");
        _clients = ClientHost.Create(WireMock.BaseAddress, Settings());
    }

    public async ValueTask DisposeAsync()
    {
        if (_clients is not null)
        {
            await _clients.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Configuration overrides of the clients under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;
}
