using System.Text.Json.Serialization;

namespace Bff.ServiceDefaults.Identity;

/// <summary>The signed part of an edge assertion; short names keep the header small.</summary>
internal sealed record EdgeAssertionClaims(
    [property: JsonPropertyName("sub")] string Sub,
    [property: JsonPropertyName("cid")] string Cid,
    [property: JsonPropertyName("scp")] IReadOnlyList<string>? Scp,
    [property: JsonPropertyName("pln")] string? Pln,
    [property: JsonPropertyName("aud")] string Aud,
    [property: JsonPropertyName("iat")] long Iat,
    [property: JsonPropertyName("exp")] long Exp);
