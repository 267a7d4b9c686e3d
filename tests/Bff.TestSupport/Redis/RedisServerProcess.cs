using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Bff.TestSupport.Net;
using Bff.TestSupport.Processes;

namespace Bff.TestSupport.Redis;

/// <summary>
/// A real Debian <c>redis-server</c> on a free loopback port, with no persistence, for tests. It can be killed and
/// started again on the same port (outage tests); disposing always kills it and removes its working folder.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";

    private readonly string _directory;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private RedisServerProcess(int port)
    {
        Port = port;
        _directory = Directory.CreateTempSubdirectory("bff-redis-").FullName;
    }

    /// <summary>The loopback port it listens on (kept across <see cref="StartAgainAsync"/>).</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:&lt;port&gt;</c>, as <c>RedisOptions.Endpoint</c> takes it.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts a server on a free port and waits until it answers PING.</summary>
    public static async Task<RedisServerProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        // A free port can be taken between the probe and the bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServerProcess(FreePort.Next());
            try
            {
                await server.StartProcessAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server again on the same port (empty: nothing was persisted).</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) => StartProcessAsync(cancellationToken);

    /// <summary>Runs one command with a throw-away connection and returns the raw RESP reply, for test setup.</summary>
    public async Task<string> SendRawAsync(string respCommand, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(respCommand), cancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test run.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The Redis server is already running.");
        }

        var startInfo = new ProcessStartInfo(Executable) { WorkingDirectory = _directory };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", string.Empty, "--appendonly", "no", "--dir", _directory,
                     "--enable-debug-command", "local", "--protected-mode", "no",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = _output.Start(startInfo);
        _process = process;

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start (port {Port}):\n{Output}");
            }

            try
            {
                if ((await SendRawAsync("*1\r\n$4\r\nPING\r\n", cancellationToken)).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(20, cancellationToken);
        }

        await KillAsync();
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 10 s:\n{Output}");
    }
}
