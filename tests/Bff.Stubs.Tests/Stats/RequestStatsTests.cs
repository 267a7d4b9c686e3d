using System.Net;
using Bff.Contracts;
using Bff.Stubs.Tests.Support;

namespace Bff.Stubs.Tests.Stats;

public sealed class RequestStatsTests : IAsyncLifetime
{
    private readonly StubFactory _stub = new("reviews");
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _stub.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Requests_are_counted_per_route_pattern()
    {
        await _client.GetAsync("/reviews/1", Http.Ct);
        await _client.GetAsync("/reviews/2", Http.Ct);
        await _client.GetAsync("/reviews/abc", Http.Ct);
        await _client.GetAsync("/reviews?productId=1", Http.Ct);
        await _client.GetAsync("/reviews?ids=1,2", Http.Ct);
        await _client.GetAsync("/reviews/summary?productIds=1", Http.Ct);

        var stats = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(6, stats.Total);
        Assert.Equal(3, stats.Routes["GET /reviews/{id}"]);
        Assert.Equal(2, stats.Routes["GET /reviews"]);
        Assert.Equal(1, stats.Routes["GET /reviews/summary"]);
    }

    [Fact]
    public async Task Stub_surface_health_and_metrics_are_not_counted()
    {
        await _client.WaitReadyAsync();
        await _client.GetAsync("/healthz", Http.Ct);
        await _client.GetAsync("/readyz", Http.Ct);
        await _client.GetAsync("/metrics", Http.Ct);
        await _client.GetAsync("/_stub/faults", Http.Ct);
        await _client.GetAsync("/_stub/stats", Http.Ct);

        var stats = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(0, stats.Total);
        Assert.Empty(stats.Routes);
    }

    [Fact]
    public async Task Faulted_requests_count_as_attempts()
    {
        using var set = await _client.PostJsonAsync("/_stub/faults", """{"errorRate":1}""");
        await _client.GetAsync("/reviews/1", Http.Ct);
        await _client.GetAsync("/reviews/1", Http.Ct);

        var stats = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(2, stats.Routes["GET /reviews/{id}"]);
    }

    [Fact]
    public async Task Delete_resets_the_counts()
    {
        await _client.GetAsync("/reviews/1", Http.Ct);

        using var reset = await _client.DeleteAsync("/_stub/stats", Http.Ct);
        var stats = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);
        await _client.GetAsync("/reviews/summary?productIds=2", Http.Ct);
        var after = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, stats.Total);
        Assert.Empty(stats.Routes);
        Assert.Equal(1, after.Total);
        Assert.Equal(["GET /reviews/summary"], after.Routes.Keys);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => _client.GetAsync($"/reviews/{i}", Http.Ct)));

        var stats = await _client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(50, stats.Total);
    }
}
