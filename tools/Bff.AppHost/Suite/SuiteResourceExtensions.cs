namespace Bff.AppHost.Suite;

internal static class SuiteResourceExtensions
{
    /// <summary>A domain stub (or the identity stub) of domain-stubs/Bff.Stubs on its ./run.sh port.</summary>
    public static IResourceBuilder<ProjectResource> AddStub(this IDistributedApplicationBuilder builder, string service, int port) =>
        builder.AddProject<Projects.Bff_Stubs>(service, launchProfileName: null)
            .WithArgs("--service", service)
            .WithHttpEndpoint(port: port)
            .WithSuiteDefaults(redis: null);

    /// <summary>
    /// What every service gets from ./run.sh (Development, readiness on /readyz) plus a short OTLP export timeout:
    /// without it the services keep retrying for 12-15 s once the dashboard has stopped. With Redis, rate limits and
    /// partner idempotency keys are shared through it (./run.sh --redis).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSuiteDefaults(this IResourceBuilder<ProjectResource> resource, IResourceBuilder<ExecutableResource>? redis)
    {
        // The BFFs' appsettings.json name their ./run.sh address in Urls, which beats ASPNETCORE_URLS: a plain
        // URLS variable wins over both and puts them behind Aspire's proxy like the stubs.
        var http = resource.GetEndpoint("http");
        resource.WithEnvironment("URLS", ReferenceExpression.Create($"http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
            .WithHttpHealthCheck("/readyz");
        if (redis is not null)
        {
            var endpoint = redis.GetEndpoint("tcp");
            resource.WithEnvironment("RateLimiting__Backend", "redis")
                .WithEnvironment("RateLimiting__Redis__Endpoint", ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"))
                .WaitFor(redis);
        }

        return resource;
    }

    /// <summary>A domain service's base URL from its Aspire endpoint (DomainServices:{name}:BaseUrl).</summary>
    public static IResourceBuilder<ProjectResource> WithDomainService(this IResourceBuilder<ProjectResource> bff, string name, IResourceBuilder<ProjectResource> service) =>
        bff.WithEnvironment($"DomainServices__{name}__BaseUrl", ReferenceExpression.Create($"{service.GetEndpoint("http")}/"));
}
