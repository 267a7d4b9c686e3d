using System.Diagnostics;

namespace Bff.GraphQL.Tests;

/// <summary>Runs a node script from tests/Bff.GraphQL.Tests/node with tools/node/node_modules on NODE_PATH.</summary>
internal static class NodeRunner
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bff.sln")))
            {
                dir = dir.Parent;
            }

            // Artifacts may live outside the repository (BFF_ARTIFACTS); fall back to the source location.
            return dir?.FullName ?? Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
        }
    }

    public static async Task<string> RunAsync(string script, IEnumerable<string> args, string? stdin, CancellationToken cancellationToken)
    {
        var root = RepoRoot;
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(root, "tests", "Bff.GraphQL.Tests", "node", script));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NODE_PATH"] = Path.Combine(root, "tools", "node", "node_modules");
        using var process = Process.Start(info)!;
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {await stderr}");
            }

            return await stdout;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
