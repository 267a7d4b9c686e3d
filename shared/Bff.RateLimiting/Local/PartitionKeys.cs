using System.Security.Cryptography;
using System.Text;

namespace Bff.RateLimiting;

/// <summary>
/// Turns a caller's partition key into the form stored: short keys as they are, long ones (and any that start with
/// the hash marker, so no raw key can pose as a hashed one) as <c>#</c> + base64url(SHA-256). Bounds the memory a
/// key costs locally and the size of Redis keys, whatever the caller passes.
/// </summary>
internal static class PartitionKeys
{
    internal const int MaxRawLength = 128;

    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length <= MaxRawLength && !key.StartsWith('#'))
        {
            return key;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "#" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
