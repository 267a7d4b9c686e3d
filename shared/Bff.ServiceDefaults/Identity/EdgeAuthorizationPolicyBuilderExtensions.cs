using Bff.ServiceDefaults.Identity;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Builds a BFF's caller policy on the edge identity.</summary>
public static class EdgeAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires a valid edge identity token; without one the caller gets 401 <c>edge_identity_required</c>.</summary>
    public static AuthorizationPolicyBuilder RequireEdgeIdentity(this AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AddAuthenticationSchemes(EdgeIdentityDefaults.AuthenticationScheme).RequireAuthenticatedUser();
    }

    /// <summary>
    /// Requires the caller's client to be one of <c>EdgeIdentity:AllowedClients</c>; another gets 403 with
    /// <paramref name="code"/> (default <c>client_not_allowed</c>) and <paramref name="detail"/>.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireAllowedClient(this AuthorizationPolicyBuilder policy, string detail, string code = EdgeIdentityDefaults.ClientNotAllowedCode) =>
        policy.RequireEdgeCaller(code, detail, static (identity, options) => options.AllowedClients.Contains(identity.ClientId, StringComparer.Ordinal));

    /// <summary>Adds a condition on the caller's edge identity; a caller that fails it gets 403 with <paramref name="code"/> and <paramref name="detail"/>.</summary>
    public static AuthorizationPolicyBuilder RequireEdgeCaller(this AuthorizationPolicyBuilder policy, string code, string detail, Func<EdgeIdentity, EdgeIdentityOptions, bool> isMet)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AddRequirements(new EdgeCallerRequirement(code, detail, isMet));
    }
}
