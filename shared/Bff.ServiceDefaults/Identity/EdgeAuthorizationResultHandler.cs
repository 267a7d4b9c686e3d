using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// Answers a refused <see cref="EdgeCallerRequirement"/> with its 403 problem (the first one of the policy that
/// failed); everything else (success, the 401 challenge) goes the framework's way.
/// </summary>
internal sealed class EdgeAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && FirstFailure(authorizeResult.AuthorizationFailure) is { } failed)
        {
            return EdgeIdentityProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", failed.Detail, failed.Code);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static EdgeCallerRequirement? FirstFailure(AuthorizationFailure? failure)
    {
        foreach (var reason in failure?.FailureReasons ?? [])
        {
            if (reason is EdgeCallerFailureReason caller)
            {
                return caller.Requirement;
            }
        }

        return null;
    }
}
