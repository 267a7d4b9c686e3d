using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.Support;

/// <summary>The real edge gateway executable, started with a config file written for the test and stopped on dispose.</summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly string _configPath;

    private EdgeProcess(ServiceProcess process, string configPath)
    {
        _process = process;
        _configPath = configPath;
        Client = new HttpClient { BaseAddress = process.BaseAddress };
    }

    public HttpClient Client { get; }

    public string Output => _process.Output;

    /// <summary>Starts the gateway with <paramref name="config"/>; <c>Server.Urls</c> is set to a free loopback port.</summary>
    public static async Task<EdgeProcess> StartAsync(JsonObject config, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var server = config["Server"] as JsonObject ?? [];
        server["Urls"] = new JsonArray($"http://127.0.0.1:{port}");
        server["AccessLog"] ??= new JsonObject { ["Enabled"] = false };
        config["Server"] = server;
        var path = Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        try
        {
            var process = await ServiceProcess.StartAsync("dotnet", [RepoPaths.SiblingDll("Bff.Edge"), "--config", path], port, cancellationToken: cancellationToken);
            return new EdgeProcess(process, path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
        File.Delete(_configPath);
    }
}
