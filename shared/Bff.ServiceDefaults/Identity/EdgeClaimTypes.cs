namespace Bff.ServiceDefaults.Identity;

/// <summary>The claims of an edge identity token, as they appear on <c>HttpContext.User</c> (names unmapped).</summary>
public static class EdgeClaimTypes
{
    /// <summary><c>sub</c>: the user id for app users, the client id for partners.</summary>
    public const string Subject = "sub";

    /// <summary><c>client_id</c> (RFC 9068): the OAuth client the caller used.</summary>
    public const string Client = "client_id";

    /// <summary><c>scope</c> (RFC 8693 section 4.2): the granted scopes, space-separated.</summary>
    public const string Scope = "scope";

    /// <summary><c>plan</c>: the partner plan (<c>free</c>, <c>gold</c>); absent for app users.</summary>
    public const string Plan = "plan";
}
