using Mobile.Bff.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Readiness of the mobile BFF.</summary>
internal static class ReadinessExtensions
{
    /// <summary><c>/readyz</c> probes the four domain services' <c>/healthz</c> (1 s each, in parallel).</summary>
    public static IHostApplicationBuilder AddDomainReadiness(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(DomainServicesReadinessCheck.ClientName, client => client.Timeout = TimeSpan.FromSeconds(1));
        builder.Services.AddHealthChecks().AddCheck<DomainServicesReadinessCheck>("domain-services", tags: ["ready"]);
        return builder;
    }
}
