namespace Bff.Stubs.Identity;

/// <summary>The JWKS: <c>{ "keys": [...] }</c> (RFC 7517 section 5).</summary>
internal sealed record JsonWebKeySetDocument(IReadOnlyList<JsonWebKeyDocument> Keys);
