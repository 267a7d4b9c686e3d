namespace Bff.Edge.Configuration;

/// <summary>What a rate limit counts separately.</summary>
internal enum RateLimitPartition
{
    /// <summary>The verified subject (user id, or partner client id); the client address when anonymous.</summary>
    Subject,

    /// <summary>The OAuth client or API key's partner; the client address when anonymous.</summary>
    Client,

    /// <summary>The client address, read through trusted proxies only.</summary>
    ClientAddress,
}
