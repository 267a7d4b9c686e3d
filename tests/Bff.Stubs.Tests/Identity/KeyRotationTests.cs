using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bff.Stubs.Tests.Support;
using Bff.TestSupport.Time;

namespace Bff.Stubs.Tests.Identity;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_rotated_key_is_published_before_it_signs_and_both_keys_verify_meanwhile()
    {
        // Behind real time, so tokens minted after the clock moves are already valid for the verifier.
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-30));
        await using var stub = new StubFactory("identity", new Dictionary<string, string> { ["Identity:RotationDelaySeconds"] = "5" }) { Clock = clock };
        using var client = stub.CreateClient();
        var oldToken = (await TokenClient.PasswordAsync(client)).AccessToken;
        var oldKid = TokenClient.KidOf(oldToken);

        using var rotate = await client.PostAsync("/_stub/keys/rotate", null, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var published = await KidsAsync(client);
        var newKid = Assert.Single(published, k => k != oldKid);
        var beforeDelay = (await TokenClient.PasswordAsync(client)).AccessToken;
        clock.Advance(TimeSpan.FromSeconds(5));
        var afterDelay = (await TokenClient.PasswordAsync(client)).AccessToken;

        Assert.Equal(2, published.Count);
        Assert.Equal(oldKid, TokenClient.KidOf(beforeDelay));
        Assert.Equal(newKid, TokenClient.KidOf(afterDelay));
        var oldResult = await TokenClient.ValidateAsync(client, oldToken);
        var newResult = await TokenClient.ValidateAsync(client, afterDelay);
        Assert.True(oldResult.IsValid, oldResult.Exception?.Message);
        Assert.True(newResult.IsValid, newResult.Exception?.Message);
    }

    [Fact]
    public async Task The_next_rotation_retires_the_oldest_key()
    {
        await using var stub = new IdentityStub();
        using var client = stub.CreateClient();
        var first = (await TokenClient.PasswordAsync(client)).AccessToken;

        (await client.PostAsync("/_stub/keys/rotate", null, Http.Ct)).Dispose();
        var second = (await TokenClient.PasswordAsync(client)).AccessToken;
        (await client.PostAsync("/_stub/keys/rotate", null, Http.Ct)).Dispose();
        var third = (await TokenClient.PasswordAsync(client)).AccessToken;

        Assert.Equal([TokenClient.KidOf(second), TokenClient.KidOf(third)], await KidsAsync(client));
        Assert.False((await TokenClient.ValidateAsync(client, first)).IsValid);
        Assert.True((await TokenClient.ValidateAsync(client, second)).IsValid);
        Assert.True((await TokenClient.ValidateAsync(client, third)).IsValid);
    }

    [Fact]
    public async Task An_expired_token_does_not_verify()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-16));
        await using var stub = new StubFactory("identity") { Clock = clock };
        using var client = stub.CreateClient();

        var token = (await TokenClient.PasswordAsync(client)).AccessToken;
        var result = await TokenClient.ValidateAsync(client, token);

        Assert.False(result.IsValid);
        Assert.IsType<Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task The_issuer_is_configurable()
    {
        await using var stub = new StubFactory("identity", new Dictionary<string, string> { ["Identity:Issuer"] = "https://id.example.test/" });
        using var client = stub.CreateClient();

        var token = (await TokenClient.PasswordAsync(client)).AccessToken;
        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration", Http.Ct));

        Assert.True((await TokenClient.ValidateAsync(client, token, issuer: "https://id.example.test")).IsValid);
        Assert.Equal("https://id.example.test/.well-known/jwks.json", discovery.RootElement.GetProperty("jwks_uri").GetString());
    }

    private static async Task<List<string>> KidsAsync(HttpClient client)
    {
        using var jwks = JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks.json", Http.Ct));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }
}
