using System.Diagnostics;
using System.Globalization;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.Replicas;

/// <summary>
/// One BFF replica as a real process on a fixed loopback port, which a test can stop (SIGTERM), kill (SIGKILL) and
/// start again on the same port, as an orchestrator replaces a pod behind the same cluster destination.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly string[] _arguments;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private ReplicaProcess(string name, int port, string[] arguments)
    {
        Name = name;
        Port = port;
        _arguments = arguments;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    public string Output => _output.ToString();

    /// <summary>Starts <c>dotnet &lt;project&gt;.dll &lt;arguments&gt; --urls http://127.0.0.1:&lt;port&gt;</c> and waits until it is ready.</summary>
    public static async Task<ReplicaProcess> StartAsync(string name, string project, int port, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var dll = RepoPaths.SiblingDll(project);
        var replica = new ReplicaProcess(name, port, [dll, "--contentRoot", Path.GetDirectoryName(dll)!, .. arguments, "--urls", $"http://127.0.0.1:{port}"]);
        try
        {
            await replica.StartAgainAsync(cancellationToken);
            return replica;
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process (again) on the same port and waits until <c>/readyz</c> answers 200.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        _process?.Dispose();
        var startInfo = new ProcessStartInfo("dotnet");
        foreach (var argument in _arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = _output.Start(startInfo);
        await ReadinessProbe.WaitAsync(_process, new Uri(BaseAddress, "readyz"), ReadyTimeout, Name, () => Output, cancellationToken);
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod, and waits until the process has exited.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running.");
        using (var kill = Process.Start("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync(cancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await process.WaitForExitAsync(limit.Token);
    }

    /// <summary>SIGKILL: gone at once, connections reset, as in a crash.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running.");
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await ProcessExit.KillTreeAsync(process);
        }
    }
}
