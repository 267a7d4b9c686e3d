using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Bff.ServiceDefaults.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Edge.Auth;

/// <summary>
/// Signs the identity the edge forwards as an <see cref="EdgeIdentityToken"/>. One token per verified identity and
/// audience is reused for half its lifetime: the validator hands out the same identity object for the same token,
/// so a client's repeat requests cost a table lookup instead of an ECDSA signature.
/// </summary>
internal sealed class EdgeIdentityTokenIssuer(ECDsa signingKey, TimeSpan lifetime, TimeProvider time) : IDisposable
{
    private readonly SecurityKey _key = EdgeIdentityToken.SecurityKey(signingKey);
    private readonly ConditionalWeakTable<EdgeIdentity, IssuedToken> _issued = [];

    public string Issue(EdgeIdentity identity, string audience)
    {
        var now = time.GetUtcNow();
        if (_issued.TryGetValue(identity, out var issued) && issued.RefreshAt > now && string.Equals(issued.Audience, audience, StringComparison.Ordinal))
        {
            return issued.Value;
        }

        var value = EdgeIdentityToken.Create(identity, audience, now, lifetime, _key);
        _issued.AddOrUpdate(identity, new IssuedToken(audience, value, now + (lifetime / 2)));
        return value;
    }

    public void Dispose() => signingKey.Dispose();

    private sealed record IssuedToken(string Audience, string Value, DateTimeOffset RefreshAt);
}
