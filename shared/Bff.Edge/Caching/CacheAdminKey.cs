using System.Security.Cryptography;
using System.Text;

namespace Bff.Edge.Caching;

/// <summary>The admin key, held as its SHA-256 so the comparison takes the same time whatever the guess.</summary>
internal sealed class CacheAdminKey(string key)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string candidate) =>
        candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
}
