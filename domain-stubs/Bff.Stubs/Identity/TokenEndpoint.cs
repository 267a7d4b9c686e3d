using System.Security.Cryptography;
using System.Text;
using Bff.Contracts.Identity;
using Bff.Stubs.Seed;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.Stubs.Identity;

/// <summary>
/// <c>POST /connect/token</c>: the password grant for the seeded users through web-app/mobile-app, and
/// client_credentials for partners. Errors follow RFC 6749 section 5.2.
/// </summary>
internal static partial class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, TokenIssuer issuer, ILoggerFactory loggers)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (token, error) = await TokenRequest.ReadAsync(request);
        if (token is null)
        {
            return Error("invalid_request", error!);
        }

        var grant = token["grant_type"];
        if (grant is null)
        {
            return Error("invalid_request", "grant_type is required.");
        }

        if (grant is not (OAuthClient.PasswordGrant or OAuthClient.ClientCredentialsGrant))
        {
            return Error("unsupported_grant_type", $"grant_type '{grant}' is not supported; use password or client_credentials.");
        }

        var client = OAuthClient.Find(token.ClientId);
        if (client is null || !SecretMatches(client, token.ClientSecret))
        {
            return InvalidClient(request, token.UsedBasic);
        }

        if (client.Grant != grant)
        {
            return Error("unauthorized_client", $"Client '{client.Id}' may not use the {grant} grant.");
        }

        var scopes = GrantedScopes(client, token["scope"]);
        if (scopes is null)
        {
            return Error("invalid_scope", $"Client '{client.Id}' may ask only for: {string.Join(' ', client.Scopes)}.");
        }

        var logger = loggers.CreateLogger(typeof(TokenEndpoint));
        if (grant == OAuthClient.ClientCredentialsGrant)
        {
            LogIssued(logger, grant, client.Id, client.Id);
            return Ok(issuer.Issue(client.Id, client, scopes, new Dictionary<string, object> { ["plan"] = client.Plan! }));
        }

        var (username, password) = (token["username"], token["password"]);
        if (username is null || password is null)
        {
            return Error("invalid_request", "username and password are required for the password grant.");
        }

        var user = KnownUser.All.FirstOrDefault(u => u.Username == username && FixedEquals(u.Password, password));
        if (user is null)
        {
            return Error("invalid_grant", "Unknown user or wrong password.");
        }

        var subject = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        LogIssued(logger, grant, client.Id, subject);
        return Ok(issuer.Issue(subject, client, scopes, new Dictionary<string, object>
        {
            ["name"] = user.DisplayName,
            [JwtRegisteredClaimNames.PreferredUsername] = user.Username,
        }));
    }

    /// <summary>The scopes asked for when all are allowed (all of the client's when none is asked), else null.</summary>
    private static List<string>? GrantedScopes(OAuthClient client, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return [.. client.Scopes];
        }

        var asked = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return asked.All(s => client.Scopes.Contains(s, StringComparer.Ordinal)) ? asked : null;
    }

    private static bool SecretMatches(OAuthClient client, string? secret) =>
        client.Secret is null ? secret is null : secret is not null && FixedEquals(client.Secret, secret);

    private static bool FixedEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static IResult Ok(TokenResponse response) => TypedResults.Ok(response);

    private static IResult Error(string error, string description) =>
        TypedResults.BadRequest(new TokenError(error, description));

    private static IResult InvalidClient(HttpRequest request, bool usedBasic)
    {
        // Section 5.2: a client that tried HTTP Basic gets the matching challenge.
        if (usedBasic)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"identity\"";
        }

        return TypedResults.Json(new TokenError("invalid_client", "Unknown client or wrong client credentials."), statusCode: StatusCodes.Status401Unauthorized);
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Issued a {Grant} token to client {ClientId} for {Subject}")]
    private static partial void LogIssued(ILogger logger, string grant, string clientId, string subject);
}
