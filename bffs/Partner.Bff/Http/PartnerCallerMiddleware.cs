using Microsoft.Extensions.Options;

namespace Partner.Bff.Http;

/// <summary>
/// Records the partner the <see cref="PartnerCallerPolicy"/> admitted as a <see cref="PartnerCaller"/> feature, with the
/// customer account it trades for. Runs after <c>UseEdgeIdentity</c>; anonymous paths (health, metrics, the OpenAPI
/// documents) carry no identity and pass.
/// </summary>
internal sealed class PartnerCallerMiddleware(RequestDelegate next, IOptions<PartnerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.ToEdgeIdentity() is { Plan: { } plan } identity && options.Value.Clients.TryGetValue(identity.ClientId, out var client))
        {
            context.Features.Set(new PartnerCaller(identity.ClientId, client.UserId, plan, identity.HasScope(PartnerScopes.Write)));
        }

        return next(context);
    }
}
