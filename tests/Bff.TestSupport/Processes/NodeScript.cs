using System.Diagnostics;
using Bff.TestSupport.Paths;

namespace Bff.TestSupport.Processes;

/// <summary>Runs a node script of the repository with its test tools (<c>tools/node/node_modules</c>) on NODE_PATH.</summary>
public static class NodeScript
{
    /// <summary>
    /// The script's standard output, after <paramref name="input"/> (if any) went to its standard input; a non-zero
    /// exit fails with its standard error. The process is killed if the test is cancelled.
    /// </summary>
    /// <param name="script">Path relative to the repository root, e.g. <c>tools/node/scripts/verify-jwt.mjs</c>.</param>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NODE_PATH"] = Path.Combine(RepoPaths.Root, "tools", "node", "node_modules");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {await error}");
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
