using Bff.ServiceDefaults.Health;
using Bff.ServiceDefaults.Shutdown;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>The drain phase of a graceful stop, shared by the edge and the BFFs.</summary>
public static class ShutdownDrainExtensions
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    /// <summary>Binds <see cref="ShutdownOptions"/> (<c>Shutdown:Delay</c>, <c>Shutdown:Timeout</c>, validated at start) and adds the drain.</summary>
    public static IHostApplicationBuilder AddShutdownDrain(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName)
            .Validate(o => o.Delay >= TimeSpan.Zero && o.Delay <= MaxDuration, "Shutdown:Delay must be between 0 and 5 minutes.")
            .Validate(o => o.Timeout >= TimeSpan.Zero && o.Timeout <= MaxDuration, "Shutdown:Timeout must be between 0 and 5 minutes.")
            .ValidateOnStart();
        builder.Services.AddShutdownDrain();
        return builder;
    }

    /// <summary>
    /// Adds the drain with the <see cref="ShutdownOptions"/> configured elsewhere: for <see cref="ShutdownOptions.Delay"/>
    /// after SIGTERM <c>/readyz</c> answers 503 and connections close after their request while serving goes on; then
    /// the usual stop, with <see cref="ShutdownOptions.Timeout"/> for requests in flight. The host's shutdown timeout
    /// becomes their sum, so the delay never eats into the time in-flight requests get.
    /// </summary>
    public static IServiceCollection AddShutdownDrain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShutdownDrain>();
        services.AddSingleton<IStartupFilter, DrainStartupFilter>();
        services.AddHealthChecks().AddCheck<DrainReadinessCheck>("draining", tags: [HealthEndpointExtensions.ReadyTag]);
        services.AddHostedService<ShutdownDrainService>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Delay + shutdown.Value.Timeout);
        return services;
    }
}
