using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.ServiceDefaults.Tests;

public sealed class ServiceDefaultsEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_answers_200_even_when_a_ready_check_fails()
    {
        await using var app = await LoopbackApp.StartAsync(b => b.Services.AddHealthChecks()
            .AddCheck("dependency", () => HealthCheckResult.Unhealthy("down"), tags: ["ready"]));

        var healthz = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        var readyz = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
    }

    [Fact]
    public async Task Readyz_answers_200_when_every_ready_check_passes()
    {
        await using var app = await LoopbackApp.StartAsync(b => b.Services.AddHealthChecks()
            .AddCheck("dependency", () => HealthCheckResult.Healthy(), tags: ["ready"]));

        var readyz = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal("Healthy", await readyz.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Metrics_expose_the_request_duration_histogram_in_prometheus_text()
    {
        await using var app = await LoopbackApp.StartAsync(map: a => a.MapGet("/hello", () => "hi"));
        (await app.Client.GetAsync(new Uri("/hello", UriKind.Relative), Ct)).EnsureSuccessStatusCode();

        var metrics = await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await metrics.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        var bucketLine = text.Split('\n').First(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/hello\"", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal));
        Assert.EndsWith(" 1", bucketLine, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outgoing_calls_carry_the_w3c_traceparent_of_the_incoming_request()
    {
        string? seen = null;
        await using var downstream = await LoopbackApp.StartAsync(map: a => a.MapGet("/echo", (HttpRequest r) =>
        {
            seen = r.Headers["traceparent"];
            return "ok";
        }));
        await using var upstream = await LoopbackApp.StartAsync(
            b => b.Services.AddHttpClient("down", c => c.BaseAddress = downstream.Address),
            a => a.MapGet("/call", async (IHttpClientFactory factory, CancellationToken ct) =>
                await factory.CreateClient("down").GetStringAsync(new Uri("/echo", UriKind.Relative), ct)));
        const string incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/call", UriKind.Relative));
        request.Headers.Add("traceparent", incoming);
        (await upstream.Client.SendAsync(request, Ct)).EnsureSuccessStatusCode();

        Assert.NotNull(seen);
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", seen, StringComparison.Ordinal);
        Assert.NotEqual(incoming, seen);
    }
}
