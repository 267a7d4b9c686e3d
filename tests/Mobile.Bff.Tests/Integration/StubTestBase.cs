using Mobile.Bff.Tests.Support;

namespace Mobile.Bff.Tests.Integration;

/// <summary>The real stubs with no faults and fresh counters, and a BFF in-process on a loopback port in front of them.</summary>
public abstract class StubTestBase(StubsFixture stubs, EdgeKeys keys) : IAsyncLifetime
{
    private MobileBffHost? _bff;
    private HttpClient? _client;

    protected StubsFixture Stubs => stubs;

    protected EdgeKeys Keys => keys;

    protected MobileBffHost Bff => _bff!;

    protected HttpClient Client => _client!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var services = await stubs.StartAsync();
        await stubs.ResetAsync();
        _bff = MobileBffHost.Start(keys, services, Settings());
        _client = _bff.CreateRealClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_bff is not null)
        {
            await _bff.DisposeAsync();
        }

        await stubs.ResetAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Settings of the BFF under test, over <see cref="MobileBffHost"/>'s test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;

    protected Task<HttpResponseMessage> GetAsync(string path, string subject = "1", string clientId = EdgeKeys.MobileApp) =>
        Client.SendAsync(MobileRequests.Get(path, Keys.Sign(subject, clientId)), Token);
}
