using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Authentication;

/// <summary>The edge's 401 and 403 answers: RFC 6750 challenge plus RFC 9457 problem details.</summary>
public static class AuthenticationProblems
{
    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>; <paramref name="error"/> null means no credential was sent (RFC 6750 §3.1).</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = error is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{error}\"";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: error ?? "this route needs a bearer token or an API key",
            type: "https://httpstatuses.io/401",
            extensions: new Dictionary<string, object?> { ["code"] = error is null ? "credential_required" : "invalid_token" })
            .ExecuteAsync(context);
    }

    /// <summary>403 for a valid caller that lacks a scope or is not an allowed client.</summary>
    public static Task WriteForbiddenAsync(HttpContext context, string detail, string? missingScope)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (missingScope is not null)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer error=\"insufficient_scope\", scope=\"{missingScope}\"";
        }

        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: detail,
            type: "https://httpstatuses.io/403",
            extensions: new Dictionary<string, object?> { ["code"] = missingScope is null ? "client_not_allowed" : "insufficient_scope" })
            .ExecuteAsync(context);
    }
}
