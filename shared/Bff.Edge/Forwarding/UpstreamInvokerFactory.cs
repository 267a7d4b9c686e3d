using System.Net;

namespace Bff.Edge.Forwarding;

/// <summary>
/// The one <see cref="HttpMessageInvoker"/> all forwarding shares: a pooled <see cref="SocketsHttpHandler"/> with
/// keep-alive, no proxy/redirect/cookie/decompression behaviour (a proxy passes those through untouched).
/// </summary>
internal static class UpstreamInvokerFactory
{
    public static HttpMessageInvoker Create() => new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10), // picks up DNS changes eventually
            Expect100ContinueTimeout = TimeSpan.FromSeconds(1),

            // The forwarder writes traceparent itself (see TraceContextHeaders); no second rewrite by the handler.
            ActivityHeadersPropagator = null,
        },
        disposeHandler: true);
}
