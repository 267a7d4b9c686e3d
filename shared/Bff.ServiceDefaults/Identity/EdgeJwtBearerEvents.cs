using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// Reads the token from <see cref="EdgeIdentityToken.HeaderName"/> only (never <c>Authorization</c>: a client's own
/// bearer token is not an edge identity), refuses tokens without <c>jti</c>, subject or client or living longer than
/// a minute, and answers every refusal with the same 401 problem: the reason goes to the log, not to the caller.
/// </summary>
internal sealed partial class EdgeJwtBearerEvents(ILogger<EdgeJwtBearerEvents> logger) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var values = context.Request.Headers[EdgeIdentityToken.HeaderName];
        if (values.Count > 1)
        {
            context.Fail("more than one edge identity header");
        }
        else if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            context.NoResult();
        }
        else
        {
            context.Token = values[0];
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        if (string.IsNullOrEmpty(token.Id) || string.IsNullOrEmpty(token.Subject)
            || !token.TryGetPayloadValue<string>(EdgeClaimTypes.Client, out var client) || string.IsNullOrEmpty(client))
        {
            context.Fail("edge identity lacks jti, sub or client_id");
        }
        else if (token.ValidTo - token.IssuedAt > EdgeIdentityToken.MaxLifetime)
        {
            context.Fail("edge identity lives longer than a minute");
        }

        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        LogRefused(logger, context.Request.Path, context.AuthenticateFailure?.Message ?? "no edge identity");
        return EdgeIdentityProblems.WriteAsync(
            context.HttpContext,
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            "A valid edge identity is required; call this service through the edge gateway.",
            EdgeIdentityDefaults.UnauthorizedCode);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Refused {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
