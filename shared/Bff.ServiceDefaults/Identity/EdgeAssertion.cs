using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// The short-lived statement the edge adds to every forwarded request:
/// <c>v1.&lt;base64url(JSON claims)&gt;.&lt;base64url(ES256 signature over "v1." + claims)&gt;</c>.
/// ECDSA keeps the signing key on the edge alone: a BFF holds only the public key, so a
/// compromised BFF cannot mint identities for its neighbours.
/// </summary>
public static class EdgeAssertion
{
    /// <summary>The request header that carries the assertion from the edge to a BFF.</summary>
    public const string HeaderName = "X-Edge-Identity";

    private const string Version = "v1.";

    /// <summary>Signs <paramref name="identity"/> for <paramref name="audience"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Create(EdgeIdentity identity, string audience, DateTimeOffset now, TimeSpan lifetime, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(signingKey);
        var claims = new EdgeAssertionClaims(identity.Subject, identity.ClientId, identity.Scopes, identity.Plan, audience,
            now.ToUnixTimeSeconds(), (now + lifetime).ToUnixTimeSeconds());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, EdgeAssertionJsonContext.Default.EdgeAssertionClaims));
        var signed = Version + payload;
        var signature = signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Verifies signature, audience and lifetime. Returns null for anything else than a valid,
    /// unexpired assertion for <paramref name="audience"/>; <paramref name="error"/> says why.
    /// </summary>
    public static EdgeIdentity? Verify(string? assertion, string audience, DateTimeOffset now, ECDsa verificationKey, out string? error) =>
        Verify(assertion, audience, now, verificationKey, out _, out error);

    /// <summary>As <see cref="Verify(string?, string, DateTimeOffset, ECDsa, out string?)"/>, also giving when the assertion expires.</summary>
    public static EdgeIdentity? Verify(string? assertion, string audience, DateTimeOffset now, ECDsa verificationKey, out DateTimeOffset expiresAt, out string? error)
    {
        ArgumentNullException.ThrowIfNull(verificationKey);
        expiresAt = default;
        if (string.IsNullOrEmpty(assertion) || !assertion.StartsWith(Version, StringComparison.Ordinal))
        {
            error = "missing or malformed edge assertion";
            return null;
        }

        var lastDot = assertion.LastIndexOf('.');
        if (lastDot <= Version.Length || assertion.Length > 8192)
        {
            error = "malformed edge assertion";
            return null;
        }

        var signed = assertion.AsSpan(0, lastDot);
        var payload = assertion.AsSpan(Version.Length, lastDot - Version.Length);
        var signatureText = assertion.AsSpan(lastDot + 1);
        if (!Base64Url.IsValid(payload) || !Base64Url.IsValid(signatureText))
        {
            error = "malformed edge assertion";
            return null;
        }

        var signedBytes = Encoding.ASCII.GetBytes(signed.ToString());
        if (!verificationKey.VerifyData(signedBytes, Base64Url.DecodeFromChars(signatureText), HashAlgorithmName.SHA256))
        {
            error = "edge assertion signature is invalid";
            return null;
        }

        EdgeAssertionClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(payload), EdgeAssertionJsonContext.Default.EdgeAssertionClaims);
        }
        catch (JsonException)
        {
            claims = null;
        }

        if (claims is null || string.IsNullOrEmpty(claims.Sub) || string.IsNullOrEmpty(claims.Cid))
        {
            error = "edge assertion claims are malformed";
            return null;
        }

        if (!string.Equals(claims.Aud, audience, StringComparison.Ordinal))
        {
            error = "edge assertion is for another audience";
            return null;
        }

        var seconds = now.ToUnixTimeSeconds();
        if (seconds >= claims.Exp || seconds < claims.Iat - 5)
        {
            error = "edge assertion has expired";
            return null;
        }

        error = null;
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
        return new EdgeIdentity(claims.Sub, claims.Cid, claims.Scp ?? [], claims.Pln);
    }
}
