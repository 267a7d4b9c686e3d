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
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<EdgeRequestState>()!.Route!.Config.RateLimit;
        if (limit is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var identity = context.Features.Get<EdgeIdentity>();
        var policyName = identity?.Plan is { } plan && limit.PlanPolicies is { } byPlan && byPlan.TryGetValue(plan, out var planPolicy)
            ? planPolicy
            : limit.Policy;
        if (policyName is null || !policies.TryGet(policyName, out var policy))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var decision = await limiter.CheckAsync(PartitionKey(context, limit.PartitionBy, identity), policy, context.RequestAborted).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            await context.Response.WriteRateLimitRejectionAsync(decision, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.SetRateLimitHeaders(decision);
        await next(context).ConfigureAwait(false);
    }

    // Prefixes keep a user id, a client id and an address that happen to look alike in separate partitions.
    private string PartitionKey(HttpContext context, RateLimitPartition partition, EdgeIdentity? identity) => partition switch
    {
        RateLimitPartition.Subject when identity is not null => "sub:" + identity.Subject,
        RateLimitPartition.Client when identity is not null => "cid:" + identity.ClientId,
        _ => "ip:" + ClientAddress.Resolve(context, trustedProxies),
    };
}
