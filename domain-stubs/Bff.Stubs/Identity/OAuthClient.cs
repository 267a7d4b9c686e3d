namespace Bff.Stubs.Identity;

/// <summary>A registered client: public (no secret) user-facing apps, or confidential partner clients with a plan.</summary>
internal sealed record OAuthClient(string Id, string? Secret, string Grant, IReadOnlyList<string> Scopes, string? Plan)
{
    public const string PasswordGrant = "password";
    public const string ClientCredentialsGrant = "client_credentials";

    /// <summary>The seeded clients (docs/domain-api.md, "identity").</summary>
    public static IReadOnlyList<OAuthClient> All { get; } =
    [
        new("web-app", null, PasswordGrant, ["openid", "profile", "api"], null),
        new("mobile-app", null, PasswordGrant, ["openid", "profile", "api"], null),
        new("partner-free", "partner-free-secret", ClientCredentialsGrant, ["partner.read"], "free"),
        new("partner-gold", "partner-gold-secret", ClientCredentialsGrant, ["partner.read", "partner.write"], "gold"),
    ];

    public static OAuthClient? Find(string? id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
