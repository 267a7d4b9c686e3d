using Bff.Edge.AccessLog;
using Bff.Edge.Caching;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Bff.Edge.Health;
using Bff.Edge.Upstream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Hosting;

/// <summary>Registers the gateway's services. <c>TryAdd*</c> throughout, so tests can put their own in first.</summary>
internal static class EdgeServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeGateway(this IServiceCollection services, EdgeStartOptions start)
    {
        var server = start.Config.Server;
        services.AddSingleton(start);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EdgeConfigProvider>();
        services.TryAddSingleton(_ => UpstreamInvokerFactory.Create());
        services.TryAddSingleton(new TrustedProxies(server.TrustedProxies ?? []));
        services.TryAddSingleton<IHttpForwarder, HttpForwarder>();
        services.TryAddSingleton<Http1Forwarder>();
        services.TryAddSingleton(sp => new AccessLogWriter(server.AccessLog, sp.GetRequiredService<ILogger<AccessLogWriter>>()));
        services.AddHostedService<ActiveHealthChecker>();
        services.AddEdgeResponseCaching(start.Config.Caching);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = server.ShutdownTimeout);
        return services;
    }
}
