using System.Net.Http.Json;
using Bff.Contracts;
using Bff.Contracts.Identity;
using Bff.Stubs.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Tests.Identity;

/// <summary>What a relying party does: ask for tokens, and verify them against the published JWKS.</summary>
public static class TokenClient
{
    public const string Issuer = "http://127.0.0.1:5200";

    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, params (string Name, string Value)[] form) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))), Http.Ct);

    public static async Task<TokenResponse> PasswordAsync(HttpClient client, string user = "demo", string password = "demo-password", string clientId = "web-app")
    {
        using var response = await RequestAsync(client, ("grant_type", "password"), ("username", user), ("password", password), ("client_id", clientId));
        return await ReadOkAsync(response);
    }

    public static async Task<TokenResponse> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Http.Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.TokenResponse, Http.Ct))!;
    }

    public static async Task<TokenValidationResult> ValidateAsync(HttpClient client, string token, string issuer = Issuer, string audience = "bff-suite")
    {
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json", Http.Ct));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.Zero,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    public static string KidOf(string token) => new JsonWebToken(token).Kid;
}
