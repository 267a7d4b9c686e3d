using System.Net.Http.Json;
using System.Text.Json;
using Bff.Contracts;
using Bff.Contracts.Orders;
using Bff.Contracts.Stubs;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.TestSupport.Stubs;

/// <summary>
/// The real users, orders, products and reviews stubs, started on first use and stopped at the end of the run,
/// for tests of a BFF against real domain services. <see cref="ResetAsync"/> clears faults and counters between tests.
/// </summary>
public class DomainStubsFixture : IAsyncDisposable
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

    public Uri BaseAddress(string service) => _processes![service].BaseAddress;

    /// <summary>
    /// <c>service:path</c> pairs called once after start: the first call of each route JIT-compiles it in the stub,
    /// which on a busy machine alone can take longer than a BFF's time budget.
    /// </summary>
    protected virtual IReadOnlyList<string> WarmUpRoutes => [];

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
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting a fault on {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Places orders for <paramref name="userId"/> at the orders stub until it has at least <paramref name="count"/>.</summary>
    public async Task EnsureOrdersAsync(int userId, int count)
    {
        var orders = new Uri(BaseAddress("orders"), "orders");
        var existing = (await _http.GetFromJsonAsync(new Uri(orders + $"?userId={userId}&limit=100"), ContractsJsonContext.Default.PageOrder))!.Items.Count;
        for (var i = existing; i < count; i++)
        {
            var order = new PlaceOrderRequest(userId, [new PlaceOrderItem(100 + i, 1), new PlaceOrderItem(200 + i, 2)]);
            using var response = await _http.PostAsJsonAsync(orders, order, ContractsJsonContext.Default.PlaceOrderRequest);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A GET straight to a stub, as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string service, string relativeUri)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(BaseAddress(service), relativeUri)));
        return document.RootElement.Clone();
    }

    public async Task<StubStats> StatsAsync(string service) =>
        (await _http.GetFromJsonAsync(new Uri(BaseAddress(service), "_stub/stats"), ContractsJsonContext.Default.StubStats))!;

    /// <summary>Requests per route of every service since the last reset (<c>"products GET /products" -> 1</c>).</summary>
    public async Task<IReadOnlyDictionary<string, long>> AllRoutesAsync()
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            foreach (var (route, count) in (await StatsAsync(service)).Routes)
            {
                all[service + " " + route] = count;
            }
        }

        return all;
    }

    private async Task WarmUpAsync()
    {
        foreach (var route in WarmUpRoutes)
        {
            var colon = route.IndexOf(':', StringComparison.Ordinal);
            using var response = await _http.GetAsync(new Uri(BaseAddress(route[..colon]), route[(colon + 1)..]));
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        foreach (var process in _processes?.Values ?? Enumerable.Empty<ServiceProcess>())
        {
            await process.DisposeAsync();
        }

        _http.Dispose();
        _gate.Dispose();
    }
}
