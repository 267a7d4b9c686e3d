using System.Diagnostics;

namespace Bff.TestSupport.Processes;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, kept for failure messages. <see cref="Start"/> starts
/// a process with both streams captured here.
/// </summary>
public sealed class ProcessOutput
{
    private const int MaxLines = 400;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Starts <paramref name="startInfo"/> (its streams redirected here, no shell); throws when it cannot start.</summary>
    public Process Start(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
