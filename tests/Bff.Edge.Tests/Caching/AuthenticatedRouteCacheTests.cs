using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>
/// A cached route with <c>Auth</c>: the credential never reaches the upstream, so the verified edge identity is what
/// separates one caller's entries from another's. Callers authenticate with API keys (no token issuer needed).
/// </summary>
public sealed class AuthenticatedRouteCacheTests : IAsyncLifetime
{
    private const string AliceKey = "alice.alice-secret";
    private const string BobKey = "bob.bob-secret";

    private readonly string _directory = Directory.CreateTempSubdirectory("edge-cache-auth-").FullName;
    private TestUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await CachingUpstream.StartAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(Path.Combine(_directory, "identity.pem"), key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Another_callers_identity_never_gets_the_first_callers_answer()
    {
        await using var edge = await EdgeHost.StartAsync(Config(isPublic: false));
        using var client = edge.CreateClient();

        var alice = await GetAsync(client, AliceKey);
        var bob = await GetAsync(client, BobKey);
        var aliceAgain = await GetAsync(client, AliceKey);
        var forged = await GetAsync(client, "alice.wrong-secret");

        Assert.Equal(("bff-edge; fwd=uri-miss; stored", "n=1"), alice);
        Assert.Equal(("bff-edge; fwd=uri-miss; stored", "n=2"), bob);
        Assert.Equal(("bff-edge; hit", "n=1"), aliceAgain);
        Assert.Equal((null, ""), forged); // 401 before the cache: a bad credential is never served a cached answer
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task A_public_route_shares_the_answer_between_identities()
    {
        await using var edge = await EdgeHost.StartAsync(Config(isPublic: true));
        using var client = edge.CreateClient();

        await GetAsync(client, AliceKey);
        var bob = await GetAsync(client, BobKey);

        Assert.Equal(("bff-edge; hit", "n=1"), bob);
        Assert.Equal(1, _upstream.Count);
    }

    private static async Task<(string? Status, string Call)> GetAsync(HttpClient client, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : "";
        return (ResponseCacheTests.CacheStatusOf(response), body.Split(' ')[0]);
    }

    private JsonObject Config(bool isPublic)
    {
        var config = CachingUpstream.EdgeConfig(_upstream, new JsonObject { ["Public"] = isPublic });
        config["Routes"]!["r1"]!["Auth"] = new JsonObject { ["Audience"] = "upstream" };
        config["Identity"] = new JsonObject { ["SigningKeyPath"] = Path.Combine(_directory, "identity.pem") };
        config["Authentication"] = new JsonObject
        {
            // Never reached: only API keys are used here.
            ["Jwt"] = new JsonObject { ["Authority"] = $"http://127.0.0.1:{Ports.Closed()}/" },
            ["ApiKeys"] = new JsonObject { ["Keys"] = new JsonArray(Key("alice"), Key("bob")) },
        };
        return config;
    }

    private static JsonObject Key(string name) => new()
    {
        ["Id"] = name,
        ["SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}-secret"))),
        ["ClientId"] = $"{name}-client",
        ["Plan"] = "free",
        ["Scopes"] = new JsonArray(),
    };
}
