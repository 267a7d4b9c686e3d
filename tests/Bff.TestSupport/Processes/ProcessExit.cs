using System.Diagnostics;

namespace Bff.TestSupport.Processes;

/// <summary>How a test fixture ends a child process it started, also when the test failed.</summary>
public static class ProcessExit
{
    /// <summary>Kills the process and its children and waits up to 10 s for the exit, then disposes it.</summary>
    public static async Task KillTreeAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Exited meanwhile, or left to the OS: a stuck exit must not hang the run.
        }
        finally
        {
            process.Dispose();
        }
    }
}
