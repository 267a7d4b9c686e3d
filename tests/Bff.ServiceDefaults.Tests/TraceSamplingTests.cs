using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.ServiceDefaults.Tests;

/// <summary>
/// The sampling rule: without an exporter nothing is recorded unless <c>Telemetry:TraceSampleRatio</c> asks for it.
/// One class, so its tests never run side by side: a recording provider samples for every listener in the process.
/// </summary>
public sealed class TraceSamplingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_exporter_or_a_ratio_root_requests_are_not_sampled()
    {
        var sent = await OutgoingTraceParentAsync(new Dictionary<string, string?>());

        Assert.False(IsSampled(sent), sent);
    }

    [Fact]
    public async Task A_ratio_of_1_samples_every_root_request()
    {
        var sent = await OutgoingTraceParentAsync(new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "1" });

        Assert.True(IsSampled(sent), sent);
    }

    [Fact]
    public async Task A_ratio_outside_0_to_1_fails_at_start_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            LoopbackApp.StartAsync(settings: new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "1.5" }));

        Assert.Contains("Telemetry:TraceSampleRatio", failure.Message, StringComparison.Ordinal);
    }

    // The sampled bit of the trace flags (W3C trace context, section 3.2.2.5); .NET also sets the random bit (2).
    private static bool IsSampled(string traceParent) =>
        (Convert.ToByte(traceParent[^2..], 16) & 1) == 1;

    /// <summary>The traceparent an app started with <paramref name="settings"/> sends downstream for a request that came without one.</summary>
    private static async Task<string> OutgoingTraceParentAsync(Dictionary<string, string?> settings)
    {
        string? seen = null;
        await using var downstream = await LoopbackApp.StartAsync(map: a => a.MapGet("/echo", (HttpRequest r) =>
        {
            seen = r.Headers["traceparent"];
            return "ok";
        }));
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddHttpClient("down", c => c.BaseAddress = downstream.Address),
            a => a.MapGet("/call", async (IHttpClientFactory factory, CancellationToken ct) =>
                await factory.CreateClient("down").GetStringAsync(new Uri("/echo", UriKind.Relative), ct)),
            settings);

        (await app.Client.GetAsync(new Uri("/call", UriKind.Relative), Ct)).EnsureSuccessStatusCode();

        Assert.NotNull(seen);
        return seen;
    }
}
