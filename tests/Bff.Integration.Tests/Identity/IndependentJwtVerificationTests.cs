using System.Net.Http.Json;
using System.Text.Json;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.Identity;

/// <summary>Tokens of the identity stub verified by jose (node), which shares no code with the suite.</summary>
public sealed class IndependentJwtVerificationTests : IAsyncLifetime
{
    private ServiceProcess _identity = null!;
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // jose finds the keys through the issuer URL, so the stub is told its real address.
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        _identity = await ServiceProcess.StartAsync(
            "dotnet", [RepoPaths.SiblingDll("Bff.Stubs"), "--service", "identity", "--urls", url, "--Identity:Issuer", url], port, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task User_and_partner_tokens_verify_with_jose_against_the_published_jwks()
    {
        var issuer = await IssuerAsync();
        var user = await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "web-app", ["username"] = "demo", ["password"] = "demo-password" });
        var partner = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "partner-gold", ["client_secret"] = "partner-gold-secret" });

        var results = await VerifyAsync(issuer, user, partner);

        Assert.All(results, r => Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString()));
        Assert.Equal("1", results[0].GetProperty("payload").GetProperty("sub").GetString());
        Assert.Equal("RS256", results[0].GetProperty("alg").GetString());
        Assert.Equal("gold", results[1].GetProperty("payload").GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Jose_refuses_a_stub_token_whose_payload_was_changed()
    {
        var issuer = await IssuerAsync();
        var token = await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "mobile-app", ["username"] = "alice", ["password"] = "alice-password" });
        var parts = token.Split('.');
        var payload = parts[1].Length > 4 ? parts[1][..^4] + (parts[1][^4] == 'A' ? 'B' : 'A') + parts[1][^3..] : parts[1];

        var results = await VerifyAsync(issuer, $"{parts[0]}.{payload}.{parts[2]}");

        Assert.False(results[0].GetProperty("ok").GetBoolean());
    }

    private async Task<string> IssuerAsync()
    {
        using var discovery = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_identity.BaseAddress, ".well-known/openid-configuration"), Ct));
        return discovery.RootElement.GetProperty("issuer").GetString()!;
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(_identity.BaseAddress, "connect/token"), content, Ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return body.GetProperty("access_token").GetString()!;
    }

    private async Task<JsonElement[]> VerifyAsync(string issuer, params string[] tokens)
    {
        var lines = (await NodeScript.RunAsync("tools/node/scripts/verify-jwt.mjs", [issuer, "bff-suite"], string.Join('\n', tokens) + "\n", Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
