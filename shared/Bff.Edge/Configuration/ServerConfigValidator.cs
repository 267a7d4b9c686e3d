using Bff.Edge.Headers;
using Bff.Edge.Hosting;

namespace Bff.Edge.Configuration;

/// <summary>Checks the <c>Server</c> section.</summary>
internal static class ServerConfigValidator
{
    public static void Validate(ServerConfig server, List<string> errors)
    {
        var urls = server.Urls ?? ServerConfig.DefaultUrls;
        if (urls.Count == 0)
        {
            errors.Add("Server.Urls: at least one listen address is required");
        }

        for (var i = 0; i < urls.Count; i++)
        {
            if (!ListenAddress.TryParse(urls[i], out _, out var error))
            {
                errors.Add($"Server.Urls[{i}]: {error}");
            }
        }

        if (server.TrustedProxies is { } proxies)
        {
            for (var i = 0; i < proxies.Count; i++)
            {
                if (!TrustedProxies.TryParseEntry(proxies[i], out _))
                {
                    errors.Add($"Server.TrustedProxies[{i}]: '{proxies[i]}' is not an IP address or CIDR range");
                }
            }
        }

        var tls = server.Tls;
        if (tls.KeyPath is not null && tls.CertificatePath is null)
        {
            errors.Add("Server.Tls.KeyPath: requires Server.Tls.CertificatePath");
        }

        var limits = server.Limits;
        RequirePositive(limits.MaxRequestHeadersTotalSize, "Server.Limits.MaxRequestHeadersTotalSize", errors);
        RequirePositive(limits.MaxRequestHeaderCount, "Server.Limits.MaxRequestHeaderCount", errors);
        RequirePositive(limits.MaxRequestLineSize, "Server.Limits.MaxRequestLineSize", errors);
        RequirePositive(limits.MaxRequestBodySize, "Server.Limits.MaxRequestBodySize", errors);
        RequirePositive(limits.RequestHeadersTimeout, "Server.Limits.RequestHeadersTimeout", errors);
        RequirePositive(limits.KeepAliveTimeout, "Server.Limits.KeepAliveTimeout", errors);
        if (limits.MinDataRateGracePeriod <= TimeSpan.FromSeconds(1))
        {
            errors.Add($"Server.Limits.MinDataRateGracePeriod: must be more than 1 second (got {limits.MinDataRateGracePeriod})");
        }
        if (limits.MinRequestBodyDataRate < 0)
        {
            errors.Add("Server.Limits.MinRequestBodyDataRate: must be 0 (off) or positive");
        }

        if (limits.MinResponseDataRate < 0)
        {
            errors.Add("Server.Limits.MinResponseDataRate: must be 0 (off) or positive");
        }

        if (limits.MaxConcurrentConnections is <= 0)
        {
            errors.Add("Server.Limits.MaxConcurrentConnections: must be positive when set");
        }

        if (server.ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add("Server.ShutdownTimeout: must not be negative");
        }

        if (server.ShutdownDelay < TimeSpan.Zero || server.ShutdownDelay > ServerConfig.MaxShutdownDelay)
        {
            errors.Add($"Server.ShutdownDelay: must be between 00:00:00 and {ServerConfig.MaxShutdownDelay} (got {server.ShutdownDelay})");
        }
    }

    internal static void RequirePositive(long value, string key, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"{key}: must be positive (got {value})");
        }
    }

    internal static void RequirePositive(TimeSpan value, string key, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key}: must be a positive duration like \"00:00:10\" (got {value})");
        }
    }
}
