namespace Bff.ServiceDefaults.Identity;

/// <summary>Names shared by the edge identity's authentication scheme and the BFFs' policies.</summary>
public static class EdgeIdentityDefaults
{
    /// <summary>The JwtBearer scheme that reads <see cref="EdgeIdentityToken.HeaderName"/>.</summary>
    public const string AuthenticationScheme = "EdgeIdentity";

    /// <summary>The problem <c>code</c> of every 401: no valid edge identity.</summary>
    public const string UnauthorizedCode = "edge_identity_required";

    /// <summary>The problem <c>code</c> when the caller's client is not in <c>EdgeIdentity:AllowedClients</c>.</summary>
    public const string ClientNotAllowedCode = "client_not_allowed";
}
