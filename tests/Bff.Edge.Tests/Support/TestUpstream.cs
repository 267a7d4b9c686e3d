using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Tests.Support;

/// <summary>
/// A real Kestrel upstream on 127.0.0.1 (free port) that records every request that reaches it. By default it
/// answers 200 with <c>upstream:{name}</c>; <paramref name="handler"/> replaces that.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestUpstream(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count => Requests.Count;

    /// <summary>Set to make the next requests answer with this status (health tests).</summary>
    public int? ForcedStatus { get; set; }

    public static async Task<TestUpstream> StartAsync(string name = "a", Func<HttpContext, TestUpstream, Task>? handler = null, bool http2Only = false, bool recordBody = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = null;
            o.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = http2Only ? HttpProtocols.Http2 : HttpProtocols.Http1);
        });
        var app = builder.Build();
        var upstream = new TestUpstream(app, name);
        app.UseWebSockets();
        app.Run(async context =>
        {
            byte[] body = [];
            if (recordBody && handler is null)
            {
                using var memory = new MemoryStream();
                await context.Request.Body.CopyToAsync(memory);
                body = memory.ToArray();
            }

            var headers = new HeaderDictionary();
            foreach (var header in context.Request.Headers)
            {
                headers[header.Key] = header.Value;
            }

            upstream.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.QueryString.Value ?? "",
                headers,
                body,
                context.Request.Protocol));

            if (upstream.ForcedStatus is { } status)
            {
                context.Response.StatusCode = status;
                return;
            }

            if (handler is not null)
            {
                await handler(context, upstream);
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync($"upstream:{name}");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.Url = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
