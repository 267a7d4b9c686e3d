using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;

namespace Bff.TestSupport.Contracts;

/// <summary>
/// WireMock.Net in-process on a free loopback port, loaded with mappings in its own JSON format (see
/// <see cref="ContractMapping"/>). WireMock.Net matches query parameters by decoded value and accepts extra ones, so
/// the server also keeps the exact URL each mapping recorded and <see cref="AssertRequestsAsRecorded"/> checks every
/// request it received against it, byte for byte (<c>ids=1,2</c> is not <c>ids=1%2C2</c>). One server per test:
/// starting one takes milliseconds, and no request of an earlier test can reach it.
/// </summary>
public sealed class ContractServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<Guid, ContractMapping> _recorded = new();

    private ContractServer(WireMockServer server)
    {
        _server = server;
        BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/");
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>: where the mapped API answers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts an empty server.</summary>
    public static ContractServer Start() => new(WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        StartAdminInterface = false,
        // ids=1,2,3 is one value, as the services read it (WireMock.Net splits on commas by default).
        QueryParameterMultipleValueSupport = QueryParameterMultipleValueSupport.Ampersand,
    }));

    /// <summary>Starts a server loaded with every <c>*.json</c> mapping of <paramref name="folders"/>.</summary>
    public static ContractServer StartWith(params string[] folders)
    {
        var server = Start();
        foreach (var folder in folders)
        {
            var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                server.Dispose();
                throw new InvalidOperationException($"No contract files in {folder}.");
            }

            foreach (var file in files)
            {
                server.AddMappingFile(file);
            }
        }

        return server;
    }

    /// <summary>Adds one mapping file.</summary>
    public void AddMappingFile(string path) => Add(File.ReadAllText(path), path);

    /// <summary>Adds one mapping given as WireMock.Net JSON; a lower <c>Priority</c> wins (the default is 0).</summary>
    public void AddMapping(string mappingJson) => Add(mappingJson, "mapping");

    /// <summary>How many requests the server received.</summary>
    public int CountRequests() => _server.LogEntries.Count();

    /// <summary>How many requests with this method and exactly this path and query (as sent, not decoded) the server received.</summary>
    public int CountRequests(string method, string url) =>
        _server.LogEntries.Count(e => e.RequestMessage.Method == method && RawUrl(e.RequestMessage) == url);

    /// <summary>
    /// Fails unless every request the server received matched a mapping and was sent exactly as that mapping recorded
    /// it: same method, same path and query byte for byte.
    /// </summary>
    public void AssertRequestsAsRecorded()
    {
        var wrong = new List<string>();
        foreach (var entry in _server.LogEntries)
        {
            var sent = $"{entry.RequestMessage.Method} {RawUrl(entry.RequestMessage)}";
            if (entry.MappingGuid is not { } guid || !_recorded.TryGetValue(guid, out var mapping))
            {
                wrong.Add($"{sent}: no mapping matched");
            }
            else if (sent != $"{mapping.Method} {mapping.Url}")
            {
                wrong.Add($"{sent}: matched '{mapping.Title}', which records {mapping.Method} {mapping.Url}");
            }
        }

        if (wrong.Count > 0)
        {
            throw new InvalidOperationException("Requests not made as the contracts record them:\n" + string.Join('\n', wrong));
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static string RawUrl(WireMock.IRequestMessage request) => request.Path + request.RawQuery;

    // The mapping gets a Guid of ours, so a journal entry leads back to the exact URL it recorded.
    private void Add(string json, string source)
    {
        var mapping = ContractMapping.Parse(json, source);
        var node = JsonNode.Parse(json)!.AsObject();
        var guid = Guid.NewGuid();
        node["Guid"] = guid.ToString();
        _recorded[guid] = mapping;
        _server.WithMapping(node.ToJsonString());
    }
}
