using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Identity;

/// <summary>An RSA key of the ring and the moment it may start signing.</summary>
internal sealed record SigningKey(RsaSecurityKey Key, DateTimeOffset SignsFrom)
{
    public string Kid => Key.KeyId;
}
