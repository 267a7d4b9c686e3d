using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Bff.Contracts;
using Bff.Contracts.Stubs;
using Bff.Stubs.Faults;
using Bff.Stubs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stubs.Tests.Faults;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private readonly StubFactory _stub = new("products");
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
    public async Task Latency_delays_the_answer()
    {
        await SetAsync(new FaultSettings(LatencyMs: 300));
        var watch = Stopwatch.StartNew();

        using var response = await _client.GetAsync("/products/1", Http.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Error_rate_1_always_answers_the_error_status()
    {
        await SetAsync(new FaultSettings(ErrorRate: 1, ErrorStatus: 503));

        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync("/products/1", Http.Ct);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "injected_fault");
        }
    }

    [Fact]
    public async Task Error_status_defaults_to_500()
    {
        await SetAsync(new FaultSettings(ErrorRate: 1));

        using var response = await _client.GetAsync("/products?limit=1", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "injected_fault");
    }

    [Fact]
    public async Task Error_rate_0_never_fails()
    {
        await SetAsync(new FaultSettings(ErrorRate: 0));

        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync("/products/1", Http.Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_route_scoped_fault_hits_only_its_route()
    {
        await SetAsync(new FaultSettings(ErrorRate: 1, ErrorStatus: 502, Route: "GET /products/{id}"));

        using var faulted = await _client.GetAsync("/products/3", Http.Ct);
        using var other = await _client.GetAsync("/products?limit=2", Http.Ct);
        using var categories = await _client.GetAsync("/products/categories", Http.Ct);

        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
    }

    [Fact]
    public async Task Route_faults_coexist_and_win_over_the_global_one()
    {
        await SetAsync(new FaultSettings(ErrorRate: 1, ErrorStatus: 503));
        await SetAsync(new FaultSettings(ErrorRate: 1, ErrorStatus: 502, Route: "get /products/{id}"));
        await SetAsync(new FaultSettings(ErrorRate: 0, Route: "GET /products/categories"));

        using var byId = await _client.GetAsync("/products/3", Http.Ct);
        using var categories = await _client.GetAsync("/products/categories", Http.Ct);
        using var list = await _client.GetAsync("/products", Http.Ct);

        Assert.Equal(HttpStatusCode.BadGateway, byId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        var listed = await _client.GetOkAsync("/_stub/faults", ContractsJsonContext.Default.ItemListFaultSettings);
        Assert.Equal([null, "GET /products/categories", "GET /products/{id}"], listed.Items.Select(f => f.Route));
    }

    [Fact]
    public async Task Delete_clears_every_fault()
    {
        await SetAsync(new FaultSettings(ErrorRate: 1));
        await SetAsync(new FaultSettings(ErrorRate: 1, Route: "GET /products/{id}"));

        using var deleted = await _client.DeleteAsync("/_stub/faults", Http.Ct);
        using var response = await _client.GetAsync("/products/1", Http.Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await _client.GetOkAsync("/_stub/faults", ContractsJsonContext.Default.ItemListFaultSettings)).Items);
    }

    [Fact]
    public async Task Faults_never_touch_the_stub_surface_or_health()
    {
        await _client.WaitReadyAsync();
        await SetAsync(new FaultSettings(ErrorRate: 1, Hang: false, LatencyMs: 0));

        using var health = await _client.GetAsync("/healthz", Http.Ct);
        using var ready = await _client.GetAsync("/readyz", Http.Ct);
        using var stats = await _client.GetAsync("/_stub/stats", Http.Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { health.StatusCode, ready.StatusCode, stats.StatusCode });
    }

    [Fact]
    public async Task Hang_holds_the_request_until_the_client_cancels()
    {
        await SetAsync(new FaultSettings(Hang: true, Route: "GET /products/{id}"));
        var registry = _stub.Services.GetRequiredService<FaultRegistry>();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Http.Ct);

        var call = _client.GetAsync("/products/1", cancel.Token);
        await WaitUntilAsync(() => registry.Hanging == 1);
        await Task.Delay(200, Http.Ct);
        Assert.False(call.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await WaitUntilAsync(() => registry.Hanging == 0);
        using var other = await _client.GetAsync("/products?limit=1", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_fixed_fault_seed_replays_the_same_outcomes()
    {
        var first = await OutcomesAsync();
        var second = await OutcomesAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);

        static async Task<List<HttpStatusCode>> OutcomesAsync()
        {
            await using var stub = new StubFactory("users", new Dictionary<string, string> { ["Stub:FaultSeed"] = "42" });
            using var client = stub.CreateClient();
            using var set = await client.PostAsJsonAsync("/_stub/faults", new FaultSettings(ErrorRate: 0.5), ContractsJsonContext.Default.FaultSettings, Http.Ct);
            var outcomes = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++)
            {
                using var response = await client.GetAsync("/users/1", Http.Ct);
                outcomes.Add(response.StatusCode);
            }

            return outcomes;
        }
    }

    [Theory]
    [InlineData("""{"errorRate":2}""", "errorRate")]
    [InlineData("""{"errorRate":-0.1}""", "errorRate")]
    [InlineData("""{"latencyMs":-1}""", "latencyMs")]
    [InlineData("""{"latencyMs":300001}""", "latencyMs")]
    [InlineData("""{"jitterMs":-5}""", "jitterMs")]
    [InlineData("""{"errorStatus":200}""", "errorStatus")]
    [InlineData("""{"errorStatus":600}""", "errorStatus")]
    [InlineData("""{"route":"GET /nowhere"}""", "route")]
    [InlineData("""{"route":"/products/{id}"}""", "route")]
    [InlineData("""{"route":"POST /products/{id}"}""", "route")]
    [InlineData("""{"latencyMs":"slow"}""", "latencyMs")]
    [InlineData("""{"hang":"yes"}""", "hang")]
    [InlineData("""{"errorRate":""", "errorRate")]
    [InlineData("""[]""", "$")]
    public async Task Bad_fault_settings_are_400_invalid_body(string json, string field)
    {
        using var response = await _client.PostJsonAsync("/_stub/faults", json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_body");
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Empty((await _client.GetOkAsync("/_stub/faults", ContractsJsonContext.Default.ItemListFaultSettings)).Items);
    }

    [Fact]
    public async Task Fault_settings_that_are_not_json_are_415()
    {
        using var response = await _client.PostJsonAsync("/_stub/faults", "errorRate=1", "text/plain");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    private async Task SetAsync(FaultSettings settings)
    {
        using var response = await _client.PostAsJsonAsync("/_stub/faults", settings, ContractsJsonContext.Default.FaultSettings, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "condition not met within 30 s");
            await Task.Delay(20, Http.Ct);
        }
    }
}
