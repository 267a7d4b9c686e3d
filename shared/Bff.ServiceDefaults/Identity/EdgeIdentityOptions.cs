using System.ComponentModel.DataAnnotations;

namespace Bff.ServiceDefaults.Identity;

/// <summary>How a BFF checks the edge's identity assertion (configuration section <c>EdgeIdentity</c>).</summary>
public sealed class EdgeIdentityOptions
{
    public const string SectionName = "EdgeIdentity";

    /// <summary>This service's name as the edge addresses it (for example <c>mobile-bff</c>); assertions for another audience are refused.</summary>
    [Required]
    public string Audience { get; set; } = string.Empty;

    /// <summary>Path of the edge's ECDSA P-256 public key (PEM).</summary>
    [Required]
    public string VerificationKeyPath { get; set; } = string.Empty;

    /// <summary>Paths answered without an assertion, besides <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> (prefix match).</summary>
    public IList<string> AnonymousPaths { get; } = [];
}
