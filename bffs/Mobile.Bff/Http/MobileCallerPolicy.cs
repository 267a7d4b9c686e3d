using Microsoft.AspNetCore.Authorization;

namespace Mobile.Bff.Http;

/// <summary>
/// Who may call: identities of the allowed clients (<c>EdgeIdentity:AllowedClients</c>, <c>mobile-app</c>). A valid
/// web-app or partner identity gets 403, as this BFF's payloads are shaped for the phone alone.
/// </summary>
internal static class MobileCallerPolicy
{
    public const string Name = "MobileCaller";

    public static void Build(AuthorizationPolicyBuilder policy) => policy
        .RequireEdgeIdentity()
        .RequireAllowedClient("This API serves the mobile app only.");
}
