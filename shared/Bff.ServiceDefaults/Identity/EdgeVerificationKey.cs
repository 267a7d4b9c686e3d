using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// The edge's public key, read once from <c>EdgeIdentity:VerificationKeyPath</c>. A static key, not a metadata
/// endpoint: no refresh can refuse a request while a new key is fetched, and a BFF needs no route to the edge.
/// </summary>
internal sealed class EdgeVerificationKey : IDisposable
{
    private readonly ECDsa _key;

    public EdgeVerificationKey(IOptions<EdgeIdentityOptions> options)
    {
        _key = ECDsa.Create();
        _key.ImportFromPem(File.ReadAllText(options.Value.VerificationKeyPath));
        SecurityKey = EdgeIdentityToken.SecurityKey(_key);
    }

    public SecurityKey SecurityKey { get; }

    public void Dispose() => _key.Dispose();
}
