using Bff.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one pair every service of the suite calls: <see cref="AddServiceDefaults"/> while building,
/// <see cref="MapServiceDefaults"/> once the app is built.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Adds health checks, telemetry and JSON logging shared by every service.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>Maps <c>GET /healthz</c> (alive), <c>GET /readyz</c> (checks tagged <c>ready</c>) and <c>GET /metrics</c>.</summary>
    public static IEndpointRouteBuilder MapServiceDefaults(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthEndpoints();
        return endpoints;
    }
}
