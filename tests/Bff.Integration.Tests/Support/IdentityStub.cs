using System.Net.Http.Json;
using System.Text.Json;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.Support;

/// <summary>The real identity stub as a process, told its own address as issuer, with a token helper.</summary>
internal sealed class IdentityStub : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly HttpClient _http = new();

    private IdentityStub(ServiceProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<IdentityStub> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var process = await ServiceProcess.StartAsync(
            "dotnet", [RepoPaths.SiblingDll("Bff.Stubs"), "--service", "identity", "--urls", url, "--Identity:Issuer", url], port, cancellationToken: cancellationToken);
        return new IdentityStub(process, url);
    }

    public Task<string> UserTokenAsync(string user, string clientId, CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = clientId, ["username"] = user, ["password"] = user + "-password" }, cancellationToken);

    public Task<string> PartnerTokenAsync(string client, CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = client, ["client_secret"] = client + "-secret" }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(Url + "/connect/token"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("access_token").GetString()!;
    }
}
