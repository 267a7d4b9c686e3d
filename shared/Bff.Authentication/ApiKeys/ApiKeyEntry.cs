namespace Bff.Authentication.ApiKeys;

/// <summary>
/// One issued key. A partner presents <c>&lt;Id&gt;.&lt;secret&gt;</c>; the gateway keeps only the
/// SHA-256 of the secret, so the configuration file leaks no usable key.
/// </summary>
public sealed class ApiKeyEntry
{
    /// <summary>Public key id, the part before the dot.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the secret part.</summary>
    public string SecretSha256 { get; set; } = string.Empty;

    /// <summary>The partner client the key belongs to.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The partner's plan (<c>free</c>, <c>gold</c>).</summary>
    public string Plan { get; set; } = string.Empty;

    /// <summary>Scopes the key grants.</summary>
    public IList<string> Scopes { get; } = [];
}
