using Partner.Bff.Errors;
using Microsoft.AspNetCore.Authorization;

namespace Partner.Bff.Http;

/// <summary>
/// Who may call: partner clients (an identity with a plan) listed in <c>EdgeIdentity:AllowedClients</c>, holding
/// <c>partner.read</c>. App users are refused even when their token is valid: their subject is a person, not a
/// partner account.
/// </summary>
internal static class PartnerCallerPolicy
{
    public const string Name = "PartnerCaller";

    private const string NotAPartner = "This API serves registered partner clients only.";

    public static void Build(AuthorizationPolicyBuilder policy) => policy
        .RequireEdgeIdentity()
        .RequireEdgeCaller(ErrorCodes.NotAPartner, NotAPartner, static (identity, _) => identity.Plan is not null)
        .RequireAllowedClient(NotAPartner, ErrorCodes.NotAPartner)
        .RequireEdgeCaller(ErrorCodes.InsufficientScope, $"The scope {PartnerScopes.Read} is required.", static (identity, _) => identity.HasScope(PartnerScopes.Read));
}
