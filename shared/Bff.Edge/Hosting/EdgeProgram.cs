using Bff.Edge.Configuration;
using Bff.Edge.Tls;
using Bff.ServiceDefaults.Shutdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Bff.Edge.Hosting;

/// <summary>Entry point logic: parse the command line, then run the gateway or a sub-command. Exit code 2 is a usage or config error.</summary>
internal static class EdgeProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = EdgeCommandLine.Parse(args, Environment.GetEnvironmentVariable("EDGE_CONFIG"));
        if (command.Help)
        {
            Console.WriteLine(EdgeCommandLine.Usage);
            return 0;
        }

        if (command.Error is not null)
        {
            await Console.Error.WriteLineAsync($"error: {command.Error}{Environment.NewLine}{EdgeCommandLine.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (command.DevCert)
        {
            var path = command.Out ?? TlsConfig.DefaultDevCertificatePath;
            DevCertificate.Create(path, command.Password);
            Console.WriteLine($"wrote {Path.GetFullPath(path)}");
            return 0;
        }

        WebApplication? app = null;
        try
        {
            var start = command.ConfigPath is not null
                ? EdgeStartOptions.FromFile(command.ConfigPath)
                : command.To.Count > 0
                    ? EdgeStartOptions.QuickMode(command.From, command.To)
                    : new EdgeStartOptions(new EdgeConfig(), null);
            SocketCompletionMode.Apply(start.Config.Server);
            // The drain belongs to the process: it is what SIGTERM does; in-process hosts stop at once.
            app = EdgeApplication.Build(start, builder => builder.Services.Configure<ShutdownOptions>(o => (o.Delay, o.Timeout) = (start.Config.Server.ShutdownDelay, start.Config.Server.ShutdownTimeout)).AddShutdownDrain());
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (EdgeConfigException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            // Authentication and RateLimiting are validated by their libraries at start; their messages name the key.
            await Console.Error.WriteLineAsync("Invalid edge config:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures)).ConfigureAwait(false);
            return 2;
        }
        catch (IOException ex) when (app is not null)
        {
            // Kestrel could not listen (address in use, no permission): one line naming the address, not a stack trace.
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
