namespace Bff.ServiceDefaults.Identity;

internal readonly record struct EdgeIdentityCacheEntry(EdgeIdentity Identity, DateTimeOffset ExpiresAt);
