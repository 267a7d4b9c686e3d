namespace Bff.Stubs.Identity;

/// <summary>One public RSA key of the JWKS (RFC 7517 section 4, RFC 7518 section 6.3.1).</summary>
internal sealed record JsonWebKeyDocument(string Kty, string Use, string Alg, string Kid, string N, string E);
