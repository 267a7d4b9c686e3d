using System.Text.Json.Serialization;

namespace Bff.Contracts.Identity;

/// <summary>Error answer of <c>POST /connect/token</c> (RFC 6749 section 5.2).</summary>
public sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
