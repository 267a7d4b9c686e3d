using System.ComponentModel.DataAnnotations;

namespace Bff.Authentication.Configuration;

/// <summary>How the edge verifies bearer tokens (configuration section <c>Authentication:Jwt</c>).</summary>
public sealed class JwtValidationOptions
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>Base URL of the token issuer; its <c>/.well-known/openid-configuration</c> names the JWKS.</summary>
    [Required]
    public Uri? Authority { get; set; }

    /// <summary>Expected <c>iss</c>; defaults to the discovery document's <c>issuer</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>. Default <c>bff-suite</c>.</summary>
    [Required]
    public string Audience { get; set; } = "bff-suite";

    /// <summary>Accepted signature algorithms, pinned for this issuer. Default RS256 only; <c>none</c> and HMAC algorithms are always refused.</summary>
    public IList<string> Algorithms { get; } = ["RS256"];

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>. Default 30 s, at most 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the signing keys are fetched again. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Least time between two fetches caused by an unknown <c>kid</c>. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest token accepted, in characters. Default 8192.</summary>
    [Range(256, 65536)]
    public int MaxTokenLength { get; set; } = 8192;
}
