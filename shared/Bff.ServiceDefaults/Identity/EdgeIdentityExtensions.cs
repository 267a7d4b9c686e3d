using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wiring for BFFs that accept callers only through the edge.</summary>
public static class EdgeIdentityExtensions
{
    /// <summary>Binds <see cref="EdgeIdentityOptions"/> from the <c>EdgeIdentity</c> section, validated at start.</summary>
    public static IHostApplicationBuilder AddEdgeIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EdgeIdentityOptions>()
            .BindConfiguration(EdgeIdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.VerificationKeyPath), $"{EdgeIdentityOptions.SectionName}:VerificationKeyPath must name an existing PEM file.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Refuses requests without a valid edge assertion with 401 problem+json.</summary>
    public static IApplicationBuilder UseEdgeIdentity(this IApplicationBuilder app) => app.UseMiddleware<EdgeIdentityMiddleware>();

    /// <summary>The caller's identity as the edge verified it; throws when <c>UseEdgeIdentity()</c> did not run for this path.</summary>
    public static EdgeIdentity GetEdgeIdentity(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<EdgeIdentity>()
            ?? throw new InvalidOperationException("No edge identity on this request: is UseEdgeIdentity() in the pipeline?");
    }
}
