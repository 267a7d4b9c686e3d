using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Integration.Tests.Support;

/// <summary>A real Kestrel upstream on a loopback port that answers 200 and keeps the headers of every request it got.</summary>
internal sealed class RecordingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingUpstream(WebApplication app) => _app = app;

    /// <summary>Headers of every request received, plus its path under the key <c>:path</c>.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Requests { get; } = new();

    /// <summary>The requests that arrived for <paramref name="path"/>.</summary>
    public IReadOnlyDictionary<string, string>[] To(string path) => [.. Requests.Where(r => r[":path"] == path)];

    public string Url { get; private set; } = string.Empty;

    public static async Task<RecordingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new RecordingUpstream(app);
        app.MapGet("/healthz", () => "ok");
        app.Run(context =>
        {
            var seen = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            seen[":path"] = context.Request.Path.Value ?? string.Empty;
            upstream.Requests.Enqueue(seen);
            return context.Response.WriteAsync("upstream:" + context.Request.Path);
        });
        await app.StartAsync();
        upstream.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
