using Bff.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using Partner.Bff.Errors;

namespace Partner.Bff.Http;

/// <summary>
/// Admits only configured partner clients holding <c>partner.read</c> and records them as a <see cref="PartnerCaller"/>
/// feature. Runs after <c>UseEdgeIdentity</c>; paths it lets through anonymously (health, metrics, the OpenAPI
/// documents) carry no identity and pass.
/// </summary>
internal sealed class PartnerAccessMiddleware(RequestDelegate next, IOptions<PartnerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var identity = context.Features.Get<EdgeIdentity>();
        if (identity is null)
        {
            return next(context);
        }

        // App users are refused even when their token is valid: their subject is a person, not a partner account.
        if (identity.Plan is null || !options.Value.Clients.TryGetValue(identity.ClientId, out var client))
        {
            return Problems.Forbidden("This API serves registered partner clients only.", ErrorCodes.NotAPartner).ExecuteAsync(context);
        }

        if (!identity.HasScope(PartnerScopes.Read))
        {
            return Problems.Forbidden($"The scope {PartnerScopes.Read} is required.", ErrorCodes.InsufficientScope).ExecuteAsync(context);
        }

        context.Features.Set(new PartnerCaller(identity.ClientId, client.UserId, identity.Plan, identity.HasScope(PartnerScopes.Write)));
        return next(context);
    }
}
