using Bff.Edge.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Hosting;

/// <summary>Builds the gateway as a <see cref="WebApplication"/>: the same code path for the executable and in-process tests.</summary>
internal static class EdgeApplication
{
    public static WebApplication Build(EdgeStartOptions start, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.AddServiceDefaults();

        // Per-request framework logs would cost more than the forwarding itself; the access log covers requests.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // With its logger on, ASP.NET Core opens a log scope and an activity per request for log correlation alone;
        // the gateway writes its trace context itself (access log, traceparent upstream).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (start.ConfigPath is not null)
        {
            // Authentication and RateLimiting in the same file bind through their libraries' options; environment
            // variables still win (RateLimiting__Backend=redis), as they do over appsettings files.
            builder.Configuration.AddJsonFile(Path.GetFullPath(start.ConfigPath), optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
        }

        builder.Services.AddEdgeGateway(start);
        builder.Services.AddEdgePolicies(builder.Configuration, start);
        builder.WebHost.ConfigureKestrel((context, options) =>
        {
            var logger = options.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.Edge");
            EdgeKestrelSetup.Configure(options, start.Config.Server, logger);
        });

        // Kestrel does not follow the runtime's switch on its own: with completions inline, its reads and sends
        // would still be handed to its I/O queues and the thread pool.
        builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = SocketCompletionMode.IsInline);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseEdgeGateway();
        app.MapServiceDefaults();
        return app;
    }
}
