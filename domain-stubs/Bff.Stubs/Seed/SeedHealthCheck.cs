using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.Stubs.Seed;

/// <summary>Ready once every dataset of the played service is loaded.</summary>
internal sealed class SeedHealthCheck(SeedStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy($"seeded in {status.Elapsed.TotalMilliseconds:F0} ms")
            : HealthCheckResult.Unhealthy("seeding"));
}
