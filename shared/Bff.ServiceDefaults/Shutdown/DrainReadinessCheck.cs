using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.ServiceDefaults.Shutdown;

/// <summary>Makes <c>/readyz</c> answer 503 while the service drains, so balancers stop sending it new connections.</summary>
internal sealed class DrainReadinessCheck(ShutdownDrain drain) : IHealthCheck
{
    private static readonly Task<HealthCheckResult> Ready = Task.FromResult(HealthCheckResult.Healthy());
    private static readonly Task<HealthCheckResult> Draining = Task.FromResult(HealthCheckResult.Unhealthy("shutting down"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        drain.IsDraining ? Draining : Ready;
}
