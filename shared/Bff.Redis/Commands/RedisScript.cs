using System.Security.Cryptography;
using System.Text;

namespace Bff.Redis;

/// <summary>
/// A Lua script run with <c>EVALSHA</c>: its SHA1 is computed here, so the first call needs no round trip to learn it,
/// and a server that does not know it (restart, <c>SCRIPT FLUSH</c>) gets it with <c>SCRIPT LOAD</c> once.
/// </summary>
public sealed class RedisScript
{
    /// <summary>Wraps the script source.</summary>
    public RedisScript(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>The Lua source.</summary>
    public string Source { get; }

    /// <summary>The lower-case hex SHA1 of the source, as Redis names scripts.</summary>
    public string Sha1 { get; }
}
