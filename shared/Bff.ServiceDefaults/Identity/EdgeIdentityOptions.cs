using System.ComponentModel.DataAnnotations;

namespace Bff.ServiceDefaults.Identity;

/// <summary>How a BFF checks the edge's identity token (configuration section <c>EdgeIdentity</c>).</summary>
public sealed class EdgeIdentityOptions
{
    public const string SectionName = "EdgeIdentity";

    /// <summary>This service's name as the edge addresses it (for example <c>mobile-bff</c>): the token's required <c>aud</c>.</summary>
    [Required]
    public string Audience { get; set; } = string.Empty;

    /// <summary>Path of the edge's ECDSA P-256 public key (PEM).</summary>
    [Required]
    public string VerificationKeyPath { get; set; } = string.Empty;

    /// <summary>The OAuth clients this BFF serves (for example <c>web-app</c>); a valid identity of any other client gets 403. At least one.</summary>
    public IList<string> AllowedClients { get; } = [];
}
