using System.Diagnostics;
using System.Net;
using System.Text;
using Bff.TestSupport.Net;

namespace Bff.TestSupport.Processes;

/// <summary>
/// A real server started as a child process on a loopback port: waits until it is ready, keeps its output
/// for failure messages, and kills its whole process tree when disposed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;
    private int _disposed;

    private ServiceProcess(Process process, ProcessOutput output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The loopback port the process listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Starts <c>dotnet &lt;dll&gt; &lt;arguments&gt; --urls http://127.0.0.1:&lt;free port&gt;</c> and waits until it is ready.
    /// </summary>
    public static Task<ServiceProcess> StartDotnetAsync(
        string dllPath,
        IEnumerable<string> arguments,
        ServiceProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var port = FreePort.Next();
        string[] all = [dllPath, .. arguments, "--urls", $"http://127.0.0.1:{port}"];
        return StartAsync("dotnet", all, port, options, cancellationToken);
    }

    /// <summary>
    /// Starts any executable that was told (through <paramref name="arguments"/>) to listen on <paramref name="port"/>
    /// and waits until <see cref="ServiceProcessOptions.ReadyPath"/> answers 200.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string fileName,
        IEnumerable<string> arguments,
        int port,
        ServiceProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new ServiceProcessOptions();
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in options.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var output = new ProcessOutput();
        var service = new ServiceProcess(output.Start(startInfo), output, port);
        try
        {
            await service.WaitUntilReadyAsync(options, cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process and its children, and waits for them to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (OperationCanceledException)
        {
            // Left to the OS: a stuck exit must not hang the test run.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private Task WaitUntilReadyAsync(ServiceProcessOptions options, CancellationToken cancellationToken) =>
        ReadinessProbe.WaitAsync(_process, new Uri(BaseAddress, options.ReadyPath.TrimStart('/')), options.ReadyTimeout, Describe(), () => Output, cancellationToken);

    private string Describe()
    {
        var builder = new StringBuilder(_process.StartInfo.FileName);
        foreach (var argument in _process.StartInfo.ArgumentList)
        {
            builder.Append(' ').Append(argument);
        }

        return builder.ToString();
    }
}
