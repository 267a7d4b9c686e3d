using Bff.Stubs.Hosting;
using Bff.Stubs.Seed;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Identity;

/// <summary>Wiring of the identity stub (port 5200): discovery, JWKS, token endpoint, key rotation.</summary>
internal static class IdentityStubExtensions
{
    public static WebApplicationBuilder AddIdentityStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityStubOptions>()
            .BindConfiguration(IdentityStubOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSeeded<SigningKeyRing>();
        builder.Services.AddSingleton<TokenIssuer>();
        return builder;
    }

    public static WebApplication MapIdentityStub(this WebApplication app)
    {
        var api = app.MapStubApi();
        api.MapGet("/.well-known/openid-configuration", Discovery);
        api.MapGet("/.well-known/jwks.json", Jwks);
        api.MapPost("/connect/token", TokenEndpoint.HandleAsync);
        app.MapPost("/_stub/keys/rotate", Rotate);
        return app;
    }

    private static IResult Discovery(IOptions<IdentityStubOptions> options)
    {
        var issuer = options.Value.IssuerBase;
        return TypedResults.Ok(new OpenIdConfiguration(
            issuer,
            $"{issuer}/.well-known/jwks.json",
            $"{issuer}/connect/token",
            [OAuthClient.PasswordGrant, OAuthClient.ClientCredentialsGrant],
            ["token"],
            ["public"],
            [SecurityAlgorithms.RsaSha256],
            ["client_secret_post", "client_secret_basic", "none"],
            [.. OAuthClient.All.SelectMany(c => c.Scopes).Distinct()],
            ["iss", "aud", "sub", "client_id", "scope", "name", "preferred_username", "plan", "iat", "nbf", "exp", "jti"]));
    }

    private static IResult Jwks(SigningKeyRing keys) =>
        TypedResults.Ok(new JsonWebKeySetDocument([.. keys.Published.Select(ToJwk)]));

    private static IResult Rotate(SigningKeyRing keys)
    {
        var next = keys.Rotate();
        return TypedResults.Ok(new KeyRotation(next.Kid, keys.Current.Kid, next.SignsFrom, [.. keys.Published.Select(k => k.Kid)]));
    }

    private static JsonWebKeyDocument ToJwk(SigningKey key)
    {
        var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKeyDocument(
            "RSA",
            "sig",
            SecurityAlgorithms.RsaSha256,
            key.Kid,
            Base64UrlEncoder.Encode(parameters.Modulus),
            Base64UrlEncoder.Encode(parameters.Exponent));
    }
}
