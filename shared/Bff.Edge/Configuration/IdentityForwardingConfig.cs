namespace Bff.Edge.Configuration;

/// <summary>
/// How identity reaches upstreams (section <c>Identity</c>, read at start): which client-sent headers are
/// stripped on every route, and the key that signs the edge identity token (an ES256 JWT) for authenticated routes.
/// </summary>
internal sealed record IdentityForwardingConfig
{
    /// <summary>Header names stripped from every request; a trailing <c>*</c> matches a prefix.</summary>
    public IReadOnlyList<string> StripHeaders { get; init; } = ["X-User-*", "X-Client-*", "X-Edge-*", "X-Forwarded-User"];

    /// <summary>ECDSA P-256 private key (PEM) signing the edge identity tokens. Required when a route has <c>Auth</c>.</summary>
    public string? SigningKeyPath { get; init; }

    /// <summary>How long an edge identity token is valid. Default 30 s; at most 1 minute.</summary>
    public TimeSpan AssertionLifetime { get; init; } = TimeSpan.FromSeconds(30);

    public bool Equals(IdentityForwardingConfig? other) =>
        other is not null
        && ConfigEquality.ListEquals(StripHeaders, other.StripHeaders)
        && string.Equals(SigningKeyPath, other.SigningKeyPath, StringComparison.Ordinal)
        && AssertionLifetime == other.AssertionLifetime;

    public override int GetHashCode() => HashCode.Combine(ConfigEquality.ListHash(StripHeaders), SigningKeyPath, AssertionLifetime);
}
