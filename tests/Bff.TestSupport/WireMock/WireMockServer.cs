using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.TestSupport.WireMock;

/// <summary>
/// The real WireMock (Java, standalone jar) on a loopback port, driven over its admin API
/// (https://wiremock.org/docs/standalone/admin-api-reference/). Disposing stops the JVM and deletes its folder.
/// </summary>
public sealed class WireMockServer : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly ServiceProcess _process;
    private readonly string _rootDirectory;
    private readonly HttpClient _admin;

    private WireMockServer(ServiceProcess process, string rootDirectory)
    {
        _process = process;
        _rootDirectory = rootDirectory;
        _admin = new HttpClient { BaseAddress = new Uri(process.BaseAddress, "__admin/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>: where the stubbed API answers.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>What WireMock printed, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts WireMock with an empty temporary root folder and waits until its admin API answers.</summary>
    public static async Task<WireMockServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("wiremock-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "mappings"));
        Directory.CreateDirectory(Path.Combine(root, "__files"));
        var port = FreePort.Next();
        try
        {
            var process = await ServiceProcess.StartAsync(
                "java",
                ["-jar", RepoPaths.WireMockJar, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "--bind-address", "127.0.0.1", "--root-dir", root, "--disable-banner"],
                port,
                new ServiceProcessOptions { ReadyPath = "/__admin/mappings", ReadyTimeout = TimeSpan.FromSeconds(60) },
                cancellationToken);
            return new WireMockServer(process, root);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Removes every mapping, the request journal and the scenario states.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _admin.PostAsync("reset", null, cancellationToken);
        await EnsureSuccessAsync(response, "reset", cancellationToken);
    }

    /// <summary>Adds one stub mapping given as WireMock JSON (<c>{ "request": ..., "response": ... }</c>).</summary>
    public async Task AddMappingAsync(string mappingJson, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(mappingJson, Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await _admin.PostAsync("mappings", content, cancellationToken);
        await EnsureSuccessAsync(response, "adding a mapping", cancellationToken);
    }

    /// <summary>Adds every <c>*.json</c> mapping file of a folder; returns how many.</summary>
    public async Task<int> AddMappingFilesAsync(string directory, CancellationToken cancellationToken = default)
    {
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            await AddMappingAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
        }

        return files.Length;
    }

    /// <summary>How many requests WireMock received since the last reset.</summary>
    public Task<int> CountRequestsAsync(CancellationToken cancellationToken = default) =>
        CountAsync("""{ "method": "ANY", "urlPattern": ".*" }""", cancellationToken);

    /// <summary>How many requests with this method and exact URL (path and query) WireMock received since the last reset.</summary>
    public Task<int> CountRequestsAsync(string method, string url, CancellationToken cancellationToken = default) =>
        CountAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["method"] = method, ["url"] = url }), cancellationToken);

    /// <summary>Stops the JVM and deletes its root folder.</summary>
    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task<int> CountAsync(string pattern, CancellationToken cancellationToken)
    {
        using var content = new StringContent(pattern, Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await _admin.PostAsync("requests/count", content, cancellationToken);
        await EnsureSuccessAsync(response, "counting requests", cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("count").GetInt32();
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"WireMock failed {what}: HTTP {(int)response.StatusCode} {body}\n{Output}");
        }
    }
}
