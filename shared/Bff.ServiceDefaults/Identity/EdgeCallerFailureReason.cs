using Microsoft.AspNetCore.Authorization;

namespace Bff.ServiceDefaults.Identity;

/// <summary>Carries the failed <see cref="EdgeCallerRequirement"/> to the result handler that writes the 403.</summary>
internal sealed class EdgeCallerFailureReason(IAuthorizationHandler handler, EdgeCallerRequirement requirement)
    : AuthorizationFailureReason(handler, requirement.Detail)
{
    public EdgeCallerRequirement Requirement { get; } = requirement;
}
