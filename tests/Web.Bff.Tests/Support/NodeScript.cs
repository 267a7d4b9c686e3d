using System.Diagnostics;
using Bff.TestSupport.Paths;

namespace Web.Bff.Tests.Support;

/// <summary>Runs a script of this project's <c>node</c> folder (copied to the output) with <c>tools/node/node_modules</c> on NODE_PATH.</summary>
public static class NodeScript
{
    /// <summary>The script's standard output; a non-zero exit fails with its standard error.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "node", script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NODE_PATH"] = Path.Combine(RepoPaths.Root, "tools", "node", "node_modules");
        using var process = Process.Start(info)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? await stdout
                : throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {await stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
