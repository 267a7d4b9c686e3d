using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Bff.Authentication.Jwt;
using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace Bff.Authentication.ApiKeys;

/// <summary>Checks <c>&lt;id&gt;.&lt;secret&gt;</c> keys against stored hashes in constant time.</summary>
public sealed class ApiKeyValidator
{
    private const int MaxKeyLength = 256;
    private readonly FrozenDictionary<string, (byte[] Hash, EdgeIdentity Identity)> _keys;

    public ApiKeyValidator(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.Keys.ToFrozenDictionary(
            k => k.Id,
            k => (Convert.FromHexString(k.SecretSha256), new EdgeIdentity(k.ClientId, k.ClientId, [.. k.Scopes], k.Plan)),
            StringComparer.Ordinal);
    }

    /// <summary>Hex SHA-256 of a secret, as <see cref="ApiKeyEntry.SecretSha256"/> stores it.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public TokenValidationOutcome Validate(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (presented.Length > MaxKeyLength || dot <= 0 || dot == presented.Length - 1)
        {
            return TokenValidationOutcome.Fail("the API key is malformed");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented[(dot + 1)..]), hash);
        if (!_keys.TryGetValue(presented[..dot], out var entry))
        {
            // Compare anyway so an unknown id costs what a wrong secret costs.
            CryptographicOperations.FixedTimeEquals(hash, hash);
            return TokenValidationOutcome.Fail("the API key is not valid");
        }

        return CryptographicOperations.FixedTimeEquals(hash, entry.Hash)
            ? TokenValidationOutcome.Success(entry.Identity, DateTimeOffset.MaxValue)
            : TokenValidationOutcome.Fail("the API key is not valid");
    }
}
