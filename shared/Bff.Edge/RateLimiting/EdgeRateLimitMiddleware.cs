using Bff.Edge.Configuration;
using Bff.Edge.Headers;
using Bff.Edge.Hosting;
using Bff.RateLimiting;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.RateLimiting;

/// <summary>
/// Takes one permit per request under the route's policy (the caller's plan picks it for partners); a denied
/// request is answered 429 here and never reaches the upstream. Allowed answers carry the remaining quota.
/// </summary>
internal sealed class EdgeRateLimitMiddleware(
    RequestDelegate next,
    IRateLimiterBackend limiter,
    RateLimitPolicyCatalog policies,
    TrustedProxies trustedProxies)
{
    // Not async itself: without a limit, or with the local limiter (which answers synchronously), a request passes
    // on without an async state machine of its own.
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<EdgeRequestState>()!.Route!.Config.RateLimit;
        if (limit is null)
        {
            return next(context);
        }

        var identity = context.Features.Get<EdgeIdentity>();
        var policyName = identity?.Plan is { } plan && limit.PlanPolicies is { } byPlan && byPlan.TryGetValue(plan, out var planPolicy)
            ? planPolicy
            : limit.Policy;
        if (policyName is null || !policies.TryGet(policyName, out var policy))
        {
            return next(context);
        }

        var check = limiter.CheckAsync(PartitionKey(context, limit.PartitionBy, identity), policy, context.RequestAborted);
        return check.IsCompletedSuccessfully ? Apply(context, check.Result) : ApplyAsync(context, check);
    }

    private async Task ApplyAsync(HttpContext context, ValueTask<RateLimitDecision> check) =>
        await Apply(context, await check.ConfigureAwait(false)).ConfigureAwait(false);

    private Task Apply(HttpContext context, RateLimitDecision decision)
    {
        if (!decision.IsAllowed)
        {
            return context.Response.WriteRateLimitRejectionAsync(decision, context.RequestAborted);
        }

        context.Response.SetRateLimitHeaders(decision);
        return next(context);
    }

    // Prefixes keep a user id, a client id and an address that happen to look alike in separate partitions.
    private string PartitionKey(HttpContext context, RateLimitPartition partition, EdgeIdentity? identity) => partition switch
    {
        RateLimitPartition.Subject when identity is not null => "sub:" + identity.Subject,
        RateLimitPartition.Client when identity is not null => "cid:" + identity.ClientId,
        _ => "ip:" + ClientAddress.Resolve(context, trustedProxies),
    };
}
