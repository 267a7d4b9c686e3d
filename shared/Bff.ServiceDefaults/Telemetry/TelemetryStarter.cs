using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bff.ServiceDefaults.Telemetry;

/// <summary>
/// Resolves the providers when the host starts: they only listen once built, and the first request
/// must already be traced and counted. The tracer provider is absent when nothing could be recorded.
/// </summary>
internal sealed class TelemetryStarter(IEnumerable<TracerProvider> tracerProviders, MeterProvider meterProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(tracerProviders.ToList()); // none when tracing is off
        GC.KeepAlive(meterProvider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
