using Bff.Stubs.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bff.Stubs.Reviews.Grpc;

/// <summary>
/// The reviews stub's second, HTTP/2-only listener: Kestrel speaks cleartext HTTP/2 with prior knowledge (what gRPC
/// clients send) only on an endpoint whose protocols are exactly HTTP/2.
/// </summary>
internal static class ReviewsGrpcListener
{
    /// <summary>Configuration key of the gRPC listener's address, e.g. <c>http://127.0.0.1:5214</c>.</summary>
    public const string UrlKey = "Stub:Grpc:Url";

    public const int DefaultPort = 5214;

    /// <summary>
    /// Adds the gRPC listener at <c>Stub:Grpc:Url</c>; without it, at 127.0.0.1:5214 only when the stub also runs
    /// at its default HTTP address (so tests and replicas on other ports never fight over 5214).
    /// </summary>
    public static void AddReviewsGrpcListener(this WebApplicationBuilder builder)
    {
        var httpUrls = builder.Configuration["urls"];
        var grpcUrl = builder.Configuration[UrlKey];
        if (string.IsNullOrEmpty(grpcUrl))
        {
            if (httpUrls != $"http://127.0.0.1:{StubPorts.For(StubService.Reviews)}")
            {
                return;
            }

            grpcUrl = $"http://127.0.0.1:{DefaultPort}";
        }

        var grpc = Parse(grpcUrl, UrlKey);
        var http = string.IsNullOrEmpty(httpUrls)
            ? []
            : httpUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => Parse(u, "urls")).ToArray();

        // Endpoints set in code replace the `urls` ones, so the HTTP addresses are listened on here instead.
        builder.WebHost.UseUrls();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var uri in http)
            {
                Listen(kestrel, uri, HttpProtocols.Http1);
            }

            Listen(kestrel, grpc, HttpProtocols.Http2);
        });
    }

    private static Uri Parse(string url, string key)
    {
        // Kestrel's wildcard hosts are not valid URI hosts; they mean "any address".
        var normalized = url.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/"
            ? uri
            : throw new InvalidOperationException($"{key} must be an http://host:port address; got '{url}'.");
    }

    private static void Listen(KestrelServerOptions kestrel, Uri uri, HttpProtocols protocols)
    {
        Action<ListenOptions> configure = l => l.Protocols = protocols;
        if (uri.Host == "0.0.0.0")
        {
            kestrel.ListenAnyIP(uri.Port, configure);
        }
        else if (uri.IsLoopback && !System.Net.IPAddress.TryParse(uri.Host, out _))
        {
            kestrel.ListenLocalhost(uri.Port, configure);
        }
        else
        {
            kestrel.Listen(System.Net.IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, configure);
        }
    }
}
