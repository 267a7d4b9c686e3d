using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.ServiceDefaults.Metrics;

internal static class MetricsEndpointExtensions
{
    public static void MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", (PrometheusScrapeEndpoint scrape) => Results.Text(scrape.Scrape(), PrometheusScrapeEndpoint.ContentType))
            .ExcludeFromDescription();
}
