using System.Security.Claims;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wiring for BFFs that accept callers only through the edge.</summary>
public static class EdgeIdentityExtensions
{
    /// <summary>
    /// Binds <see cref="EdgeIdentityOptions"/> from the <c>EdgeIdentity</c> section (validated at start) and adds the
    /// <see cref="EdgeIdentityDefaults.AuthenticationScheme"/> JwtBearer scheme that validates the edge's token, and
    /// authorization whose <see cref="EdgeCallerRequirement"/> refusals are 403 problems. Endpoints opt in with a
    /// policy built by <see cref="EdgeAuthorizationPolicyBuilderExtensions.RequireEdgeIdentity"/>.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string section = EdgeIdentityOptions.SectionName;
        var services = builder.Services;
        services.AddOptions<EdgeIdentityOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.VerificationKeyPath), $"{section}:VerificationKeyPath must name an existing PEM file.")
            .Validate(o => o.AllowedClients.Count > 0, $"{section}:AllowedClients must list at least one client.")
            .ValidateOnStart();
        services.AddSingleton<EdgeVerificationKey>();
        services.AddSingleton<EdgeJwtBearerEvents>();
        services.AddSingleton<VerifiedEdgeTokenHandler>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureEdgeJwtBearer>();
        services.AddAuthentication(EdgeIdentityDefaults.AuthenticationScheme).AddJwtBearer(EdgeIdentityDefaults.AuthenticationScheme, _ => { });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, EdgeCallerRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EdgeAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Authenticates the edge identity and enforces the endpoints' policies here, so middleware placed before it
    /// (query limits, deprecation headers) also answers callers the policies refuse.
    /// </summary>
    public static IApplicationBuilder UseEdgeIdentity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseAuthentication().UseAuthorization();
    }

    /// <summary>The caller's identity as the edge asserted it; throws on an endpoint without an edge identity policy.</summary>
    public static EdgeIdentity GetEdgeIdentity(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.ToEdgeIdentity()
            ?? throw new InvalidOperationException("No edge identity on this request: does the endpoint require an edge identity policy?");
    }

    /// <summary>The edge identity <paramref name="user"/> carries, or null when it was not authenticated by the edge's token.</summary>
    public static EdgeIdentity? ToEdgeIdentity(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var identity in user.Identities)
        {
            if (identity is { IsAuthenticated: true, AuthenticationType: EdgeIdentityDefaults.AuthenticationScheme })
            {
                return ToEdgeIdentity(identity);
            }
        }

        return null;
    }

    private static EdgeIdentity? ToEdgeIdentity(ClaimsIdentity user)
    {
        if (user.FindFirst(EdgeClaimTypes.Subject)?.Value is not { } subject || user.FindFirst(EdgeClaimTypes.Client)?.Value is not { } client)
        {
            return null;
        }

        var scopes = user.FindFirst(EdgeClaimTypes.Scope)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new EdgeIdentity(subject, client, scopes, user.FindFirst(EdgeClaimTypes.Plan)?.Value);
    }
}
