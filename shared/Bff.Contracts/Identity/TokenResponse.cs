using System.Text.Json.Serialization;

namespace Bff.Contracts.Identity;

/// <summary>Successful answer of <c>POST /connect/token</c> (RFC 6749 section 5.1).</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);
