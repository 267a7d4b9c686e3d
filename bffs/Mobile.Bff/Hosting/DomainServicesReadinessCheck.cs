using Bff.Clients.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mobile.Bff.Hosting;

/// <summary>
/// <c>/readyz</c>: the four domain services answer their <c>/healthz</c>. Some of them down is <c>Degraded</c>
/// (still 200): the screens degrade by design, and every replica shares the same services, so taking the BFF
/// out of rotation would turn a missing section into a missing app. None of them answering is <c>Unhealthy</c> (503).
/// </summary>
internal sealed class DomainServicesReadinessCheck(IHttpClientFactory clients, IOptions<DomainServicesOptions> services) : IHealthCheck
{
    public const string ClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = services.Value;
        (string Name, string BaseUrl)[] targets =
        [
            ("users", options.Users.BaseUrl),
            ("orders", options.Orders.BaseUrl),
            ("products", options.Products.BaseUrl),
            ("reviews", options.Reviews.BaseUrl),
        ];
        var client = clients.CreateClient(ClientName);
        var reachable = await Task.WhenAll(targets.Select(t => ProbeAsync(client, t.BaseUrl, cancellationToken))).ConfigureAwait(false);
        var down = targets.Where((_, i) => !reachable[i]).Select(t => t.Name).ToList();
        var data = targets.Select((t, i) => (t.Name, Up: reachable[i]))
            .ToDictionary(t => t.Name, t => (object)(t.Up ? "reachable" : "unreachable"), StringComparer.Ordinal);
        return down.Count switch
        {
            0 => HealthCheckResult.Healthy("Every domain service answers.", data),
            _ when down.Count == targets.Length => HealthCheckResult.Unhealthy("No domain service answers.", data: data),
            _ => HealthCheckResult.Degraded($"Unreachable: {string.Join(", ", down)}; their sections will be missing.", data: data),
        };
    }

    private static async Task<bool> ProbeAsync(HttpClient client, string baseUrl, CancellationToken cancellationToken)
    {
        try
        {
            var root = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            using var response = await client.GetAsync(new Uri(root, "healthz"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
