using Bff.Edge.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Shutdown;

/// <summary>Registers the drain phase of a graceful stop (<c>Server.ShutdownDelay</c>).</summary>
internal static class ShutdownDrainServiceCollectionExtensions
{
    /// <summary>Tag of the checks <c>/readyz</c> runs (ServiceDefaults maps it).</summary>
    private const string ReadyTag = "ready";

    /// <summary>
    /// Adds the drain: <c>/readyz</c> 503 and connections closed after their request for
    /// <see cref="ServerConfig.ShutdownDelay"/>, then the usual stop. The host's shutdown timeout becomes the delay
    /// plus <see cref="ServerConfig.ShutdownTimeout"/>, so the delay never eats into the time in-flight requests get.
    /// </summary>
    public static IServiceCollection AddEdgeShutdownDrain(this IServiceCollection services, ServerConfig server)
    {
        services.AddSingleton<ShutdownDrain>();
        services.AddSingleton<IStartupFilter, DrainStartupFilter>();
        services.AddHealthChecks().AddCheck<DrainReadinessCheck>("draining", tags: [ReadyTag]);
        services.AddHostedService(sp => new ShutdownDrainService(
            sp.GetRequiredService<ShutdownDrain>(), server.ShutdownDelay, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ShutdownDrainService>>()));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = server.ShutdownDelay + server.ShutdownTimeout);
        return services;
    }
}
