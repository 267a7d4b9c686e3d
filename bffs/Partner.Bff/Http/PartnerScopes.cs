namespace Partner.Bff.Http;

/// <summary>The OAuth scopes of the partner API.</summary>
internal static class PartnerScopes
{
    /// <summary>Read orders and products: every endpoint needs it.</summary>
    public const string Read = "partner.read";

    /// <summary>Place orders.</summary>
    public const string Write = "partner.write";
}
