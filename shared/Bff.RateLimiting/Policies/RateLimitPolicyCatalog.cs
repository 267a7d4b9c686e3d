using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Bff.RateLimiting;

/// <summary>The configured policies by name (case-insensitive), as validated at start.</summary>
public sealed class RateLimitPolicyCatalog
{
    private readonly Dictionary<string, RateLimitPolicy> _policies;

    /// <summary>Takes the policies from the bound options.</summary>
    public RateLimitPolicyCatalog(IOptions<RateLimitingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _policies = new Dictionary<string, RateLimitPolicy>(options.Value.Policies, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every policy.</summary>
    public IReadOnlyCollection<RateLimitPolicy> All => _policies.Values;

    /// <summary>The policy named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such policy is configured.</exception>
    public RateLimitPolicy this[string name] => TryGet(name, out var policy)
        ? policy
        : throw new KeyNotFoundException($"No rate limit policy named '{name}' is configured under RateLimiting:Policies.");

    /// <summary>Looks a policy up by name.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out RateLimitPolicy policy) => _policies.TryGetValue(name, out policy);
}
