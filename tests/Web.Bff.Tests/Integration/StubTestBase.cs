using System.Text.Json;
using Web.Bff.Tests.Support;

namespace Web.Bff.Tests.Integration;

/// <summary>The real stubs with no faults and fresh counters, and the BFF in-process on a loopback port in front of them.</summary>
public abstract class StubTestBase(StubsFixture stubs, EdgeKeys keys) : IAsyncLifetime
{
    private WebBffHost? _bff;
    private HttpClient? _client;

    protected StubsFixture Stubs => stubs;

    protected EdgeKeys Keys => keys;

    protected HttpClient Client => _client!;

    public async ValueTask InitializeAsync()
    {
        var services = await stubs.StartAsync();
        await stubs.ResetAsync();
        _bff = WebBffHost.Start(keys, services, Settings(), Environment());
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

    /// <summary>Settings of the BFF under test, over <see cref="WebBffHost"/>'s test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;

    protected virtual string Environment() => "Development";

    /// <summary>Runs a query as user <paramref name="subject"/> of the web app.</summary>
    protected Task<(int Status, JsonElement Body)> QueryAsync(string query, object? variables = null, string subject = "1") =>
        GraphQLCalls.SendAsync(Client, GraphQLCalls.Post(keys.Sign(subject), query, variables));
}
