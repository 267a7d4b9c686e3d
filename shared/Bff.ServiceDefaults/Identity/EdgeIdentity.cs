namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// Who called, as the edge verified it: the token's subject, the OAuth client, its scopes and,
/// for partners, the plan. BFFs read it from <c>HttpContext.User</c> (<c>GetEdgeIdentity()</c>) on endpoints with an edge identity policy.
/// </summary>
/// <param name="Subject">User id for app users, client id for partners.</param>
/// <param name="ClientId">The OAuth client: <c>web-app</c>, <c>mobile-app</c> or a partner client.</param>
/// <param name="Scopes">Granted scopes.</param>
/// <param name="Plan">The partner plan (<c>free</c>, <c>gold</c>), or null for app users.</param>
public sealed record EdgeIdentity(string Subject, string ClientId, IReadOnlyList<string> Scopes, string? Plan)
{
    /// <summary>True when <paramref name="scope"/> was granted.</summary>
    public bool HasScope(string scope)
    {
        foreach (var granted in Scopes)
        {
            if (string.Equals(granted, scope, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
