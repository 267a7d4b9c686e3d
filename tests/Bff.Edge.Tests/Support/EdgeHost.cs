using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Tests.Support;

/// <summary>
/// The gateway in-process on 127.0.0.1 free ports, started from a config file written to a temp directory
/// (so hot reload can be tested by rewriting it). The access log goes to a file in the same directory.
/// </summary>
public sealed class EdgeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeHost(WebApplication app, string directory)
    {
        _app = app;
        Directory = directory;
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "edge.json");

    public string AccessLogPath => Path.Combine(Directory, "access.log");

    public string HttpUrl { get; private set; } = "";

    public string? HttpsUrl { get; private set; }

    public int HttpPort => new Uri(HttpUrl).Port;

    internal IServiceProvider Services => _app.Services;

    internal EdgeConfigProvider ConfigProvider => _app.Services.GetRequiredService<EdgeConfigProvider>();

    public static JsonObject SingleRoute(string path, params string[] destinations)
    {
        var dests = new JsonObject();
        for (var i = 0; i < destinations.Length; i++)
        {
            dests[$"d{i + 1}"] = new JsonObject { ["Address"] = destinations[i] };
        }

        return new JsonObject
        {
            ["Routes"] = new JsonObject { ["r1"] = new JsonObject { ["ClusterId"] = "c1", ["Match"] = new JsonObject { ["Path"] = path } } },
            ["Clusters"] = new JsonObject { ["c1"] = new JsonObject { ["Destinations"] = dests } },
        };
    }

    /// <summary>Starts the gateway. A <c>Server</c> section is added if missing (HTTP only, free port, access log to file).</summary>
    public static async Task<EdgeHost> StartAsync(JsonObject config, bool https = false)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("edge-test-").FullName;
        var server = config["Server"] as JsonObject ?? new JsonObject();
        config["Server"] = server;
        server["Urls"] ??= https
            ? new JsonArray("http://127.0.0.1:0", "https://127.0.0.1:0")
            : new JsonArray("http://127.0.0.1:0");
        server["AccessLog"] ??= new JsonObject { ["Path"] = Path.Combine(directory, "access.log") };
        server["ShutdownTimeout"] ??= "00:00:05";
        if (https)
        {
            server["Tls"] ??= new JsonObject { ["CertificatePath"] = Path.Combine(directory, "cert.pfx") };
        }

        var path = Path.Combine(directory, "edge.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), TestContext.Current.CancellationToken);
        var app = EdgeApplication.Build(EdgeStartOptions.FromFile(path), b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        var host = new EdgeHost(app, directory);
        await app.StartAsync(TestContext.Current.CancellationToken);
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
        {
            if (address.StartsWith("https://", StringComparison.Ordinal))
            {
                host.HttpsUrl = address;
            }
            else
            {
                host.HttpUrl = address;
            }
        }

        return host;
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri(HttpUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Rewrites the config file (hot reload picks it up).</summary>
    public Task WriteConfigAsync(string json) => File.WriteAllTextAsync(ConfigPath, json, TestContext.Current.CancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Access log lines written so far (the writer is asynchronous: waits briefly for at least <paramref name="atLeast"/>).</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadAccessLogAsync(int atLeast = 1)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (File.Exists(AccessLogPath))
            {
                using var stream = new FileStream(AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                var lines = (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length >= atLeast)
                {
                    return lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return [];
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Already stopping.
        }
        finally
        {
            await _app.DisposeAsync();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}
