using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// One real edge process on a fixed loopback port that, unlike <c>EdgeProcess</c>, can be stopped with SIGTERM or
/// SIGKILL and started again on the same port (a rolling restart keeps the balancer's server address).
/// </summary>
internal sealed class EdgeInstance : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _configPath;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private EdgeInstance(string name, int port, string configPath)
    {
        Name = name;
        Port = port;
        _configPath = configPath;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process (all its runs) wrote, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Writes <paramref name="config"/> with <c>Server.Urls</c> on a free port (plus <paramref name="moreUrls"/>), starts
    /// the edge and waits until it is ready.
    /// </summary>
    public static async Task<EdgeInstance> StartAsync(string name, JsonObject config, CancellationToken cancellationToken, params string[] moreUrls)
    {
        var port = FreePort.Next();
        var server = config["Server"] as JsonObject ?? [];
        server["Urls"] = new JsonArray([JsonValue.Create($"http://127.0.0.1:{port}"), .. moreUrls.Select(u => JsonValue.Create(u))]);
        server["AccessLog"] ??= new JsonObject { ["Enabled"] = false };
        config["Server"] = server;
        var path = Path.Combine(Path.GetTempPath(), $"edge-{name}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        var instance = new EdgeInstance(name, port, path);
        try
        {
            await instance.StartAgainAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process (again) on the same port and config, and waits until <c>/readyz</c> answers 200.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        _process?.Dispose();
        var startInfo = new ProcessStartInfo("dotnet");
        foreach (var argument in new[] { RepoPaths.SiblingDll("Bff.Edge"), "--config", _configPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = _output.Start(startInfo);
        _process = process;
        await WaitUntilReadyAsync(process, cancellationToken);
    }

    /// <summary>Sends SIGTERM (what an orchestrator sends) and returns at once.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running.");
        using var kill = Process.Start("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s TERM {process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or an OOM kill.</summary>
    public void Kill() => (_process ?? throw new InvalidOperationException($"{Name} is not running.")).Kill();

    /// <summary>Waits until the process has exited and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}.\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await ProcessExit.KillTreeAsync(process);
        }

        File.Delete(_configPath);
    }

    private Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken) =>
        ReadinessProbe.WaitAsync(process, new Uri(BaseAddress, "readyz"), ReadyTimeout, Name, () => Output, cancellationToken);
}
