using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace Mobile.Bff.Http;

/// <summary>
/// Lets through only identities of the allowed clients (<c>mobile-app</c>): a valid web-app or partner token
/// forwarded by the edge gets 403, as this BFF's payloads are shaped for the phone alone.
/// Runs after <c>UseEdgeIdentity</c>; paths it lets through anonymously (health, metrics) carry no identity.
/// </summary>
internal sealed class MobileClientMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var identity = context.Features.Get<EdgeIdentity>();
        if (identity is null || options.Value.AllowedClients.Contains(identity.ClientId, StringComparer.Ordinal))
        {
            return next(context);
        }

        return MobileProblems.Problem(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            "This API serves the mobile app only.",
            "client_not_allowed").ExecuteAsync(context);
    }
}
