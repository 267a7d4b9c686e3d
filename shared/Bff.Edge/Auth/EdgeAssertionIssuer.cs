using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Bff.ServiceDefaults.Identity;

namespace Bff.Edge.Auth;

/// <summary>
/// Signs the identity the edge forwards. One assertion per verified identity and audience is reused for half
/// its lifetime: the validator hands out the same identity object for the same token, so a client's repeat
/// requests cost a table lookup instead of an ECDSA signature.
/// </summary>
internal sealed class EdgeAssertionIssuer(ECDsa signingKey, TimeSpan lifetime, TimeProvider time) : IDisposable
{
    private readonly ConditionalWeakTable<EdgeIdentity, IssuedAssertion> _issued = [];

    public string Issue(EdgeIdentity identity, string audience)
    {
        var now = time.GetUtcNow();
        if (_issued.TryGetValue(identity, out var issued) && issued.RefreshAt > now && string.Equals(issued.Audience, audience, StringComparison.Ordinal))
        {
            return issued.Value;
        }

        var value = EdgeAssertion.Create(identity, audience, now, lifetime, signingKey);
        _issued.AddOrUpdate(identity, new IssuedAssertion(audience, value, now + (lifetime / 2)));
        return value;
    }

    public void Dispose() => signingKey.Dispose();

    private sealed record IssuedAssertion(string Audience, string Value, DateTimeOffset RefreshAt);
}
