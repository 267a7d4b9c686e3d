using Bff.Authentication.ApiKeys;
using Bff.Authentication.Configuration;
using Bff.Authentication.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bff.Authentication.Tests;

public sealed class EdgeAuthenticatorTests : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private HttpClient _http = null!;
    private EdgeAuthenticator _authenticator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _http = new HttpClient();
        var jwt = Options.Create(new JwtValidationOptions { Authority = _issuer.Address });
        var keys = new SigningKeyCache(_http, jwt, TimeProvider.System, NullLogger<SigningKeyCache>.Instance);
        var apiKeyOptions = new ApiKeyOptions();
        apiKeyOptions.Keys.Add(new ApiKeyEntry { Id = "free1", SecretSha256 = ApiKeyValidator.HashSecret("secret"), ClientId = "partner-free", Plan = "free" });
        _authenticator = new EdgeAuthenticator(new JwtTokenValidator(keys, jwt, TimeProvider.System), new ApiKeyValidator(Options.Create(apiKeyOptions)), Options.Create(apiKeyOptions));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Request_without_credentials_has_no_outcome()
    {
        Assert.Null(await _authenticator.AuthenticateAsync(Request(), Ct));
    }

    [Fact]
    public async Task Bearer_token_is_validated()
    {
        var outcome = await _authenticator.AuthenticateAsync(Request(("Authorization", "Bearer " + _issuer.Token())), Ct);

        Assert.True(outcome!.IsValid, outcome.Error);
    }

    [Fact]
    public async Task Api_key_is_validated()
    {
        var outcome = await _authenticator.AuthenticateAsync(Request(("X-Api-Key", "free1.secret")), Ct);

        Assert.Equal("partner-free", outcome!.Identity!.ClientId);
    }

    [Fact]
    public async Task Duplicate_authorization_headers_are_refused()
    {
        var token = "Bearer " + _issuer.Token();

        var outcome = await _authenticator.AuthenticateAsync(Request(("Authorization", token), ("Authorization", token)), Ct);

        Assert.False(outcome!.IsValid);
    }

    [Fact]
    public async Task Bearer_token_and_api_key_together_are_refused()
    {
        var outcome = await _authenticator.AuthenticateAsync(Request(("Authorization", "Bearer " + _issuer.Token()), ("X-Api-Key", "free1.secret")), Ct);

        Assert.False(outcome!.IsValid);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    public async Task Non_bearer_authorization_is_refused(string header)
    {
        var outcome = await _authenticator.AuthenticateAsync(Request(("Authorization", header)), Ct);

        Assert.False(outcome!.IsValid);
    }

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var group in headers.GroupBy(h => h.Name))
        {
            context.Request.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        }

        return context.Request;
    }
}
