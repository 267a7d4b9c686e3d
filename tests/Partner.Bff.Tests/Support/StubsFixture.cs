using System.Net.Http.Json;
using System.Text.Json;
using Bff.Contracts;
using Bff.Contracts.Stubs;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Partner.Bff.Tests.Support;

/// <summary>The real orders and products stubs, started on first use and stopped at the end of the run.</summary>
public sealed class StubsFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ServiceProcess? _orders;
    private ServiceProcess? _products;

    public Uri Orders => _orders!.BaseAddress;

    public Uri Products => _products!.BaseAddress;

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_orders is null)
            {
                var options = new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) };
                var started = await Task.WhenAll(
                    ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", "orders"], options),
                    ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", "products"], options));
                (_orders, _products) = (started[0], started[1]);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ResetStatsAsync()
    {
        foreach (var stub in new[] { Orders, Products })
        {
            using var stats = await _http.DeleteAsync(new Uri(stub, "_stub/stats"));
            stats.EnsureSuccessStatusCode();
        }
    }

    public async Task<StubStats> StatsAsync(Uri stub) =>
        (await _http.GetFromJsonAsync(new Uri(stub, "_stub/stats"), ContractsJsonContext.Default.StubStats))!;

    public async Task<JsonElement> GetJsonAsync(Uri stub, string relativeUri)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(stub, relativeUri)));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_orders is not null)
        {
            await _orders.DisposeAsync();
        }

        if (_products is not null)
        {
            await _products.DisposeAsync();
        }

        _http.Dispose();
        _gate.Dispose();
    }
}
