using Bff.Authentication;
using Bff.Edge.Configuration;
using Bff.Edge.Hosting;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Auth;

/// <summary>
/// Per-route authentication and authorization, between routing and forwarding: strips client-sent identity
/// headers on every route; on a route with <c>Auth</c>, verifies the bearer token or API key (401), checks the
/// client and scopes (403), then replaces the credential with a signed edge identity token for the upstream.
/// </summary>
internal sealed class EdgeAuthMiddleware(
    RequestDelegate next,
    IdentityHeaderStripper stripper,
    IServiceProvider services)
{
    // Present only when the configuration has Authentication:Jwt (validation refuses Auth routes otherwise).
    private readonly EdgeAuthenticator? _authenticator = services.GetService(typeof(EdgeAuthenticator)) as EdgeAuthenticator;
    private readonly EdgeIdentityTokenIssuer? _issuer = services.GetService(typeof(EdgeIdentityTokenIssuer)) as EdgeIdentityTokenIssuer;

    // Not async itself: an anonymous route passes straight on without an async state machine per request.
    public Task InvokeAsync(HttpContext context)
    {
        stripper.Strip(context.Request.Headers);
        var auth = context.Features.Get<EdgeRequestState>()!.Route!.Config.Auth;
        return auth is null ? next(context) : AuthenticateAsync(context, auth);
    }

    private async Task AuthenticateAsync(HttpContext context, RouteAuthConfig auth)
    {
        if (_authenticator is null || _issuer is null)
        {
            throw new InvalidOperationException("A route requires Auth but the gateway has no Authentication:Jwt or Identity:SigningKeyPath.");
        }

        var outcome = await _authenticator.AuthenticateAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (outcome?.Identity is not { } identity)
        {
            await AuthenticationProblems.WriteUnauthorizedAsync(context, outcome?.Error).ConfigureAwait(false);
            return;
        }

        if (auth.Clients is { Count: > 0 } clients && !IsListed(clients, identity.ClientId))
        {
            await AuthenticationProblems.WriteForbiddenAsync(context, $"client '{identity.ClientId}' may not use this route", null).ConfigureAwait(false);
            return;
        }

        foreach (var scope in auth.Scopes ?? [])
        {
            if (!identity.HasScope(scope))
            {
                await AuthenticationProblems.WriteForbiddenAsync(context, $"this route needs the scope '{scope}'", scope).ConfigureAwait(false);
                return;
            }
        }

        // The credential stays at the edge; upstreams trust only the edge identity token.
        var headers = context.Request.Headers;
        headers.Remove(HeaderNames.Authorization);
        headers.Remove(_authenticator.ApiKeyHeaderName);
        headers[EdgeIdentityToken.HeaderName] = _issuer.Issue(identity, auth.Audience!);
        context.Features.Set(identity);
        await next(context).ConfigureAwait(false);
    }

    // A loop, not LINQ's Contains with a comparer: this runs on every authenticated request and must not allocate.
    private static bool IsListed(IReadOnlyList<string> clients, string clientId)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            if (string.Equals(clients[i], clientId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
