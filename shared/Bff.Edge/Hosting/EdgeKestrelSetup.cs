using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Bff.Edge.Configuration;
using Bff.Edge.RequestGuard;
using Bff.Edge.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Hosting;

/// <summary>Listen addresses, TLS and limits from the <c>Server</c> section.</summary>
internal static class EdgeKestrelSetup
{
    public static void Configure(KestrelServerOptions options, ServerConfig server, ILogger logger)
    {
        options.AddServerHeader = false; // the upstream's Server header passes through instead
        var limits = options.Limits;
        var config = server.Limits;
        limits.MaxRequestHeadersTotalSize = config.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = config.MaxRequestHeaderCount;
        limits.MaxRequestLineSize = config.MaxRequestLineSize;
        limits.MaxRequestBodySize = config.MaxRequestBodySize;
        limits.RequestHeadersTimeout = config.RequestHeadersTimeout;
        limits.KeepAliveTimeout = config.KeepAliveTimeout;
        limits.MaxConcurrentConnections = config.MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = config.MaxConcurrentConnections;
        limits.MinRequestBodyDataRate = config.MinRequestBodyDataRate > 0 ? new MinDataRate(config.MinRequestBodyDataRate, config.MinDataRateGracePeriod) : null;
        limits.MinResponseDataRate = config.MinResponseDataRate > 0 ? new MinDataRate(config.MinResponseDataRate, config.MinDataRateGracePeriod) : null;
        limits.Http2.MaxRequestHeaderFieldSize = Math.Min(config.MaxRequestHeadersTotalSize, limits.Http2.MaxRequestHeaderFieldSize * 4);

        X509Certificate2? certificate = null;
        foreach (var url in server.Urls ?? ServerConfig.DefaultUrls)
        {
            ListenAddress.TryParse(url, out var address, out _);
            if (address!.Https)
            {
                certificate ??= CertificateLoader.Load(server.Tls, logger);
            }

            var https = address.Https;
            var tlsCertificate = certificate;
            void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
            {
                if (!https)
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.UseRawFramingInspection();
                    return;
                }

                // HTTP/2 is negotiated by ALPN; TLS 1.0/1.1 are refused.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(tlsCertificate!, tls => tls.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13);
                listen.UseRawFramingInspection();
            }

            if (address.IsLocalhost)
            {
                options.ListenLocalhost(address.Port, Listen);
            }
            else
            {
                options.Listen(address.Address!, address.Port, Listen);
            }
        }
    }
}
