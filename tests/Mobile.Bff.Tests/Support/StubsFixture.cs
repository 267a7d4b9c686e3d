using System.Net.Http.Json;
using System.Text.Json;
using Bff.Contracts;
using Bff.Contracts.Stubs;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Mobile.Bff.Tests.Support;

/// <summary>
/// The real users, orders, products and reviews stubs, started on first use and stopped at the end of the run.
/// <see cref="ResetAsync"/> clears faults and counters between tests.
/// </summary>
public sealed class StubsFixture : IAsyncDisposable
{
    public static readonly string[] Services = ["users", "orders", "products", "reviews"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Dictionary<string, ServiceProcess>? _processes;

    public async Task<IReadOnlyDictionary<string, Uri>> StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_processes is null)
            {
                var started = await Task.WhenAll(Services.Select(service => ServiceProcess.StartDotnetAsync(
                    RepoPaths.SiblingDll("Bff.Stubs"),
                    ["--service", service],
                    new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) })));
                _processes = Services.Zip(started).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
                await WarmUpAsync();
            }

            return _processes.ToDictionary(p => p.Key, p => p.Value.BaseAddress, StringComparer.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    // The first call of each route JIT-compiles it in the stub: on a busy machine that alone can take a second.
    private async Task WarmUpAsync()
    {
        string[] routes =
        [
            "users:users/1", "users:users/1/notifications/unread-count", "orders:orders/recent?userId=1&limit=3", "orders:orders/1",
            "orders:orders?userId=1&limit=1", "products:products/recommended?userId=1&limit=4", "products:products/1", "products:products?ids=1,2",
            "reviews:reviews/summary?productIds=1,2", "reviews:reviews?productId=1&sort=top&limit=3",
        ];
        foreach (var route in routes)
        {
            var (service, path) = (route[..route.IndexOf(':', StringComparison.Ordinal)], route[(route.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            using var response = await _http.GetAsync(new Uri(BaseAddress(service), path));
        }
    }

    public Uri BaseAddress(string service) => _processes![service].BaseAddress;

    /// <summary>Clears every fault and request counter.</summary>
    public async Task ResetAsync()
    {
        foreach (var service in Services)
        {
            using var faults = await _http.DeleteAsync(new Uri(BaseAddress(service), "_stub/faults"));
            faults.EnsureSuccessStatusCode();
            using var stats = await _http.DeleteAsync(new Uri(BaseAddress(service), "_stub/stats"));
            stats.EnsureSuccessStatusCode();
        }
    }

    public async Task SetFaultAsync(string service, FaultSettings fault)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(BaseAddress(service), "_stub/faults"), fault, ContractsJsonContext.Default.FaultSettings);
        Assert.True(response.IsSuccessStatusCode, $"Setting a fault on {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<StubStats> StatsAsync(string service) =>
        (await _http.GetFromJsonAsync(new Uri(BaseAddress(service), "_stub/stats"), ContractsJsonContext.Default.StubStats))!;

    /// <summary>A GET straight to a stub, as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string service, string relativeUri)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(BaseAddress(service), relativeUri)));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes?.Values ?? Enumerable.Empty<ServiceProcess>())
        {
            await process.DisposeAsync();
        }

        _http.Dispose();
        _gate.Dispose();
    }
}
