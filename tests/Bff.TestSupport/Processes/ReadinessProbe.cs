using System.Diagnostics;
using System.Net;

namespace Bff.TestSupport.Processes;

/// <summary>Polls a child process's readiness endpoint until it answers 200, the process exits, or time runs out.</summary>
public static class ReadinessProbe
{
    /// <param name="process">The started process; its exit ends the wait with its output in the message.</param>
    /// <param name="readyUri">The endpoint that answers 200 once the process is ready.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="name">How failure messages name the process.</param>
    /// <param name="output">The process's recent output, for failure messages.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task WaitAsync(
        Process process,
        Uri readyUri,
        TimeSpan timeout,
        string name,
        Func<string> output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(output);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        while (elapsed.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready.\n{output()}");
            }

            try
            {
                using var response = await client.GetAsync(readyUri, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "readiness probe timed out";
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"{name} was not ready at {readyUri} within {timeout} ({lastProblem}).\n{output()}");
    }
}
