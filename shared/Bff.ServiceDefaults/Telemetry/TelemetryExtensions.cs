using Bff.ServiceDefaults.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bff.ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The suite's own sources and meters (edge, cache, rate limiting, resilience, BFFs).</summary>
    private const string SuiteInstruments = "Bff.*";

    /// <summary>ASP.NET Core meters the AspNetCore instrumentation leaves out (it adds Hosting and Routing).</summary>
    private static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics"];

    /// <summary>
    /// Registers OpenTelemetry through the hosting extensions: metrics always (served on <c>/metrics</c>, OTLP too
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), logs over OTLP when that is set, tracing only when something
    /// could be recorded.
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

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(FrameworkMeters)
                    .AddMeter(SuiteInstruments)
                    .AddPromtoolCleanNames()
                    .AddSuitePrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Logs go over OTLP beside the JSON console so a collector (Aspire's dashboard) can search them by trace id.
        if (otlp)
        {
            telemetry.WithLogging(
                logging => logging.AddOtlpExporter(),
                options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                });
        }

        // Nothing could be recorded: no tracer provider, so no listener and no activity sampled per request
        // (ASP.NET Core still creates one for log correlation while its hosting logger is on).
        if (ratio > 0 || otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource(SuiteInstruments);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }
    }
}
