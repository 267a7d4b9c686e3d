using Bff.ServiceDefaults.Identity;

namespace Bff.Authentication.Jwt;

/// <summary>The identity a credential proved, or why it proved nothing (for <c>error_description</c>).</summary>
public sealed record TokenValidationOutcome(EdgeIdentity? Identity, string? Error, DateTimeOffset ExpiresAt)
{
    public bool IsValid => Identity is not null;

    public static TokenValidationOutcome Success(EdgeIdentity identity, DateTimeOffset expiresAt) => new(identity, null, expiresAt);

    public static TokenValidationOutcome Fail(string error) => new(null, error, default);
}
