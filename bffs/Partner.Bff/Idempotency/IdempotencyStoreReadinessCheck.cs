using Microsoft.Extensions.Diagnostics.HealthChecks;
using Bff.ServiceDefaults.SharedState;

namespace Partner.Bff.Idempotency;

/// <summary>
/// Names the idempotency store in <c>/readyz</c>'s <c>Readiness-Detail</c>. Redis down is Degraded, not Unhealthy: reads
/// need no key and keep working, placements answer 503 until Redis is back, and taking every replica out would stop both.
/// </summary>
internal sealed class IdempotencyStoreReadinessCheck(IIdempotencyStore store, SharedRedis redis) : IHealthCheck
{
    public const string Name = "idempotency-store";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        return Task.FromResult(!redis.IsConfigured || redis.Connection.IsConnected
            ? HealthCheckResult.Healthy(store.Description)
            : HealthCheckResult.Degraded($"{store.Description} unreachable: order placement answers 503"));
    }
}
