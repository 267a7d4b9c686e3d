using System.Globalization;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Web.Bff.Http;

/// <summary>
/// Who may call: users of the allowed clients (<c>EdgeIdentity:AllowedClients</c>, <c>web-app</c>). A valid mobile or
/// partner identity gets a 403 problem (not a GraphQL error: no part of this API is theirs). The subject must be a
/// user id, since <c>viewer</c> is built from it.
/// </summary>
internal static class WebCallerPolicy
{
    public const string Name = "WebCaller";

    public static void Build(AuthorizationPolicyBuilder policy) => policy
        .RequireEdgeIdentity()
        .RequireAllowedClient("This API serves the web app only.")
        .RequireEdgeCaller("subject_not_a_user", "The identity does not name a user.", static (identity, _) => IsUserId(identity));

    private static bool IsUserId(EdgeIdentity identity) =>
        int.TryParse(identity.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
}
