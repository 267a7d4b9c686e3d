using Bff.Edge.AccessLog;
using Bff.Edge.Auth;
using Bff.Edge.Caching;
using Bff.Edge.Compression;
using Bff.Edge.Cors;
using Bff.Edge.Forwarding;
using Bff.Edge.Grpc;
using Bff.Edge.RateLimiting;
using Bff.Edge.RequestGuard;
using Bff.Edge.Routing;
using Bff.Edge.Transforms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Edge.Hosting;

/// <summary>The gateway's request pipeline.</summary>
internal static class EdgeApplicationBuilderExtensions
{
    /// <summary>
    /// Every request first passes the strict request guard (RequestGuard/), the gateway's own endpoints included.
    /// Requests that match none of the gateway's own endpoints (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>)
    /// go through: access log, guard, routing, then the route's policies in this order: CORS (preflights are answered
    /// before credentials are asked for), authentication, rate limiting, header/query transforms, compression (outside
    /// the cache, so the cache holds uncompressed bytes), cache, gRPC transcoding; then forwarding.
    /// </summary>
    public static WebApplication UseEdgeGateway(this WebApplication app)
    {
        app.Services.GetRequiredService<EdgeConfigProvider>().StartWatching();
        app.UseMiddleware<StrictRequestMiddleware>();
        app.UseRouting();
        app.MapEdgeCacheAdmin();
        app.UseWhen(
            static context => context.GetEndpoint() is null,
            static branch => branch
                .UseMiddleware<AccessLogMiddleware>()
                .UseMiddleware<RequestGuardMiddleware>()
                .UseMiddleware<EdgeRoutingMiddleware>()
                .UseMiddleware<EdgeCorsMiddleware>()
                .UseMiddleware<EdgeAuthMiddleware>()
                .UseMiddleware<EdgeRateLimitMiddleware>()
                .UseMiddleware<EdgeTransformsMiddleware>()
                .UseMiddleware<EdgeCompressionMiddleware>()
                .UseMiddleware<ResponseCacheMiddleware>()
                .UseMiddleware<GrpcTranscodingMiddleware>()
                .UseMiddleware<EdgeForwardingMiddleware>());
        return app;
    }
}
