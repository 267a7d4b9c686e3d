using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Contracts.Tests.Resilience;

/// <summary>
/// A real Kestrel server on a loopback port that fails on purpose. Every route takes a <c>key</c>, and the
/// server counts the requests per key:
/// <c>/fail/{key}?times=N&amp;status=S&amp;retryAfter=R</c> answers S (default 503, with <c>Retry-After: R</c> when
/// given) to the first N requests, then 200;
/// <c>/slow/{key}?ms=M&amp;times=N</c> waits M ms for the first N requests (all when N is absent), then 200.
/// </summary>
internal sealed class FlakyUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private FlakyUpstream(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FlakyUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FlakyUpstream(app);
        app.Map("/fail/{key}", (HttpResponse response, string key, int times, int? status, int? retryAfter) =>
        {
            if (upstream.Count(key) > times)
            {
                return Results.Ok(new { key });
            }

            if (retryAfter is { } seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(status ?? 503);
        });
        app.Map("/slow/{key}", async (string key, int ms, int? times, CancellationToken aborted) =>
        {
            if (upstream.Count(key) <= (times ?? int.MaxValue))
            {
                await Task.Delay(ms, aborted);
            }

            return Results.Ok(new { key });
        });
        app.Map("/slowfirst/{key}", async (string key, int ms, CancellationToken aborted) =>
        {
            if (upstream.Count(key) > 1)
            {
                return Results.StatusCode(503);
            }

            await Task.Delay(ms, aborted);
            return Results.Ok(new { key });
        });
        await app.StartAsync();
        var address = app.Urls.First();
        upstream.BaseAddress = new Uri(address + "/");
        return upstream;
    }

    /// <summary>How many requests reached the route of this key.</summary>
    public int Requests(string key) => _counts.GetValueOrDefault(key);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private int Count(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
}
