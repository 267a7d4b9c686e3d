using System.Globalization;
using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace Web.Bff.Http;

/// <summary>
/// Lets through only users of the allowed clients (<c>web-app</c>): a valid mobile or partner identity forwarded by
/// the edge gets a 403 problem (not a GraphQL error: no part of this API is theirs). The subject must be a user id,
/// since <c>viewer</c> is built from it. Runs after <c>UseEdgeIdentity</c>; anonymous paths (health, metrics) carry no identity.
/// </summary>
internal sealed class WebClientMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var identity = context.Features.Get<EdgeIdentity>();
        if (identity is null)
        {
            return next(context);
        }

        if (!options.Value.AllowedClients.Contains(identity.ClientId, StringComparer.Ordinal))
        {
            return Forbid(context, "This API serves the web app only.", "client_not_allowed");
        }

        return int.TryParse(identity.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? next(context)
            : Forbid(context, "The identity does not name a user.", "subject_not_a_user");
    }

    private static Task Forbid(HttpContext context, string detail, string code) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: detail,
            type: "https://httpstatuses.io/403",
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
}
