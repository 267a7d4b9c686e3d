using Bff.ServiceDefaults.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bff.ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>Sources and meters recorded in every service; <c>Bff.*</c> covers the suite's own instruments.</summary>
    private static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "Bff.*"];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",
        "Bff.*",
    ];

    /// <summary>
    /// Builds the tracer and meter providers with the SDK directly (the hosting extensions are not served here),
    /// owned by the container so they flush and dispose on shutdown.
    /// </summary>
    public static void AddSuiteTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Without an exporter a recorded span goes nowhere, so root requests are not recorded unless asked
        // (Telemetry:TraceSampleRatio); with an exporter a sampled incoming traceparent is honoured.
        var ratio = builder.Configuration.GetValue<double?>("Telemetry:TraceSampleRatio") ?? (otlp ? 1.0 : 0.0);
        if (ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"Telemetry:TraceSampleRatio must be between 0 and 1 (got {ratio}).");
        }

        // Nothing could be recorded: no listener at all, so no activity is sampled per request (ASP.NET Core still
        // creates one for log correlation while its hosting logger is on).
        if (ratio > 0 || otlp)
        {
            builder.Services.AddSingleton(_ => BuildTracerProvider(serviceName, ratio, otlp));
        }

        builder.Services.AddSingleton<PrometheusTextExporter>();
        builder.Services.AddSingleton<MetricReader>(sp => new BaseExportingMetricReader(sp.GetRequiredService<PrometheusTextExporter>()));
        builder.Services.AddSingleton(sp =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName))
                .AddMeter(Meters)
                .AddReader(sp.GetRequiredService<MetricReader>());
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }

            return metrics.Build();
        });
        builder.Services.AddSingleton<PrometheusScrapeEndpoint>();
        builder.Services.AddHostedService<TelemetryStarter>();
    }

    private static TracerProvider BuildTracerProvider(string serviceName, double ratio, bool otlp)
    {
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName))
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
            .AddSource(ActivitySources);
        if (otlp)
        {
            tracing.AddOtlpExporter();
        }

        return tracing.Build();
    }
}
