using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.AppHost.Redis;

/// <summary>Healthy once Redis answers PING with +PONG on its endpoint (no client library needed for that).</summary>
internal sealed class RedisPingHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("no port allocated yet");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"PING answered '{reply.Trim()}'");
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
