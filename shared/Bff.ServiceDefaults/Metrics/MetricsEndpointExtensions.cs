using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Bff.ServiceDefaults.Metrics;

internal static class MetricsEndpointExtensions
{
    /// <summary>
    /// The OpenTelemetry Prometheus exporter with the defaults changed for exact scrapes: no cached page (a scrape
    /// right after a request sees it), no <c>otel_scope_*</c> labels on every series, no <c>target_info</c> line.
    /// </summary>
    public static MeterProviderBuilder AddSuitePrometheusExporter(this MeterProviderBuilder metrics) =>
        metrics.AddPrometheusExporter(o =>
        {
            o.ScrapeResponseCacheDurationMilliseconds = 0;
            o.ScopeInfoEnabled = false;
            o.TargetInfoEnabled = false;
        });

    public static void MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
}
