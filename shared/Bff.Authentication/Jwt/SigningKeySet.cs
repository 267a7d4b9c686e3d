using Microsoft.IdentityModel.Tokens;

namespace Bff.Authentication.Jwt;

/// <summary>An immutable snapshot of the issuer's keys by <c>kid</c>, swapped whole on refresh.</summary>
public sealed record SigningKeySet(string Issuer, IReadOnlyDictionary<string, SecurityKey> Keys, DateTimeOffset FetchedAt)
{
    public static SigningKeySet Empty { get; } = new(string.Empty, new Dictionary<string, SecurityKey>(), default);
}
