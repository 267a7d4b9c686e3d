using Bff.Contracts.Tests.Support;
using Bff.TestSupport.Contracts;
using Bff.TestSupport.Paths;

namespace Bff.Contracts.Tests.Consumer;

/// <summary>
/// A consumer test: a fresh in-process WireMock.Net loaded with the contract files of one service, and fresh clients
/// pointed at it. After the test, every request the clients made must have been made exactly as a contract records it.
/// </summary>
public abstract class ConsumerTestBase(string service) : IAsyncLifetime
{
    private ClientHost? _clients;

    protected ContractServer WireMock { get; } = ContractServer.StartWith(Path.Combine(RepoPaths.Contracts, service));

    internal ClientHost Clients => _clients ?? throw new InvalidOperationException("Not initialized.");

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        _clients = ClientHost.Create(WireMock.BaseAddress, Settings());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_clients is not null)
            {
                await _clients.DisposeAsync();
            }

            WireMock.AssertRequestsAsRecorded();
        }
        finally
        {
            WireMock.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Configuration overrides of the clients under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;
}
