using System.ComponentModel.DataAnnotations;

namespace Bff.Stubs.Identity;

/// <summary>Settings of the identity stub, bound from the <c>Identity</c> section.</summary>
internal sealed class IdentityStubOptions
{
    public const string Section = "Identity";

    /// <summary>The <c>iss</c> of every token and the base of the discovery URLs (default <c>http://127.0.0.1:5200</c>).</summary>
    [Required]
    [Url]
    public string Issuer { get; set; } = "http://127.0.0.1:5200";

    /// <summary>The <c>aud</c> of every token (default <c>bff-suite</c>).</summary>
    [Required]
    public string Audience { get; set; } = "bff-suite";

    /// <summary>Token lifetime in seconds (default 900, 15 minutes).</summary>
    [Range(1, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Seconds between publishing a rotated key and signing with it (default 5; tests use 0).</summary>
    [Range(0, 3_600)]
    public int RotationDelaySeconds { get; set; } = 5;

    public string IssuerBase => Issuer.TrimEnd('/');
}
