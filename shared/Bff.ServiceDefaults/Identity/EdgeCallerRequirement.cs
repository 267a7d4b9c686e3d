using Microsoft.AspNetCore.Authorization;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// One condition a BFF puts on the edge identity of its callers; when it fails the answer is a 403 problem with
/// <see cref="Code"/> and <see cref="Detail"/>. Conditions of a policy are reported in the order they were added.
/// </summary>
public sealed class EdgeCallerRequirement(string code, string detail, Func<EdgeIdentity, EdgeIdentityOptions, bool> isMet) : IAuthorizationRequirement
{
    /// <summary>The problem <c>code</c> of the 403.</summary>
    public string Code { get; } = code;

    /// <summary>The problem <c>detail</c> of the 403.</summary>
    public string Detail { get; } = detail;

    internal bool IsMet(EdgeIdentity identity, EdgeIdentityOptions options) => isMet(identity, options);
}
