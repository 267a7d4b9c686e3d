using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.Authentication.Jwt;

/// <summary>Ready once the issuer's keys are in memory: before that every token would be refused.</summary>
internal sealed class SigningKeysHealthCheck(SigningKeyCache keys) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = keys.Current.Keys.Count > 0 ? keys.Current : await keys.RefreshAsync(force: true, cancellationToken).ConfigureAwait(false);
        return current.Keys.Count > 0
            ? HealthCheckResult.Healthy($"{current.Keys.Count} signing keys")
            : HealthCheckResult.Unhealthy("no signing keys fetched yet");
    }
}
