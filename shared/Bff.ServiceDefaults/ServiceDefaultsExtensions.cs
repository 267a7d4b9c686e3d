using Bff.ServiceDefaults.Health;
using Bff.ServiceDefaults.Metrics;
using Bff.ServiceDefaults.Telemetry;
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
    /// <summary>
    /// Adds health checks, JSON logs carrying the trace id, and OpenTelemetry (<c>AddOpenTelemetry()</c>) tracing
    /// and metrics: the ASP.NET Core, HttpClient and runtime instrumentations, the suite's <c>Bff.*</c> sources and
    /// meters, OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Tracing is on when
    /// <c>Telemetry:TraceSampleRatio</c> (default 0, or 1 with OTLP) is above 0 or OTLP is set. Outgoing HttpClient calls carry
    /// W3C <c>traceparent</c> because every request runs inside a recorded activity.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSuiteLogging();
        builder.AddSuiteTelemetry();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// Maps <c>GET /healthz</c> (alive), <c>GET /readyz</c> (the checks tagged <c>ready</c>) and
    /// <c>GET /metrics</c> (Prometheus text format, by the OpenTelemetry Prometheus exporter).
    /// </summary>
    public static IEndpointRouteBuilder MapServiceDefaults(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthEndpoints();
        endpoints.MapPrometheusMetrics();
        return endpoints;
    }
}
