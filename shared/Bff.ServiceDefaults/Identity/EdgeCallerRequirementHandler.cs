using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Identity;

/// <summary>Checks every <see cref="EdgeCallerRequirement"/> of a policy against the caller's edge identity, in order.</summary>
internal sealed class EdgeCallerRequirementHandler(IOptions<EdgeIdentityOptions> options) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        // No identity: the policy's authenticated-user requirement fails and the caller gets the 401 instead.
        if (context.User.ToEdgeIdentity() is not { } identity)
        {
            return Task.CompletedTask;
        }

        foreach (var requirement in context.Requirements)
        {
            if (requirement is not EdgeCallerRequirement caller)
            {
                continue;
            }

            if (caller.IsMet(identity, options.Value))
            {
                context.Succeed(caller);
            }
            else
            {
                context.Fail(new EdgeCallerFailureReason(this, caller));
            }
        }

        return Task.CompletedTask;
    }
}
