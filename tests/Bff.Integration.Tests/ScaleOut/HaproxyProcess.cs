using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Bff.TestSupport.Processes;
using Bff.TestSupport.Net;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// The Debian <c>haproxy</c> in TCP (L4) mode in front of the edges, as a real foreground process (<c>-db</c>) with
/// its config in a temp folder. HTTP health checks on <c>/readyz</c> every <see cref="CheckInterval"/>; the admin
/// socket tells which servers it has up and how many connections each got.
/// </summary>
internal sealed class HaproxyProcess : IAsyncDisposable
{
    /// <summary>How often each edge's <c>/readyz</c> is checked; two failures take it out, two passes put it back.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    private const string Executable = "/usr/sbin/haproxy";

    private readonly string _directory;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private HaproxyProcess(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    private string SocketPath => Path.Combine(_directory, "admin.sock");

    public string Output => _output.ToString();

    /// <summary>Starts HAProxy balancing round-robin over the edges, and waits until it reports all of them up.</summary>
    public static async Task<HaproxyProcess> StartAsync(IReadOnlyList<EdgeInstance> edges, CancellationToken cancellationToken)
    {
        // A free port can be taken between the probe and the bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var haproxy = new HaproxyProcess(Directory.CreateTempSubdirectory("bff-haproxy-").FullName, FreePort.Next());
            try
            {
                await haproxy.StartProcessAsync(edges, cancellationToken);
                return haproxy;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await haproxy.DisposeAsync();
            }
            catch
            {
                await haproxy.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Every server of the edges' backend, by name.</summary>
    public async Task<IReadOnlyDictionary<string, HaproxyServer>> ServersAsync(CancellationToken cancellationToken)
    {
        var csv = await CommandAsync("show stat", cancellationToken);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        int proxy = Column("pxname"), server = Column("svname"), status = Column("status"), total = Column("stot"), aborts = Column("srv_abrt");
        var servers = new Dictionary<string, HaproxyServer>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length > status && fields[proxy] == "edges" && fields[server] is not ("BACKEND" or "FRONTEND"))
            {
                servers[fields[server]] = new HaproxyServer(
                    fields[status], long.Parse(fields[total], CultureInfo.InvariantCulture), long.Parse(fields[aborts], CultureInfo.InvariantCulture));
            }
        }

        return servers;
    }

    /// <summary>Waits until HAProxy reports <paramref name="edge"/> with <paramref name="status"/> and returns how long that took.</summary>
    public async Task<TimeSpan> WaitForStatusAsync(string edge, string status, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var last = "unknown";
        while (elapsed.Elapsed < timeout)
        {
            var servers = await ServersAsync(cancellationToken);
            if (servers.TryGetValue(edge, out var server))
            {
                last = server.Status;
                if (last == status)
                {
                    return elapsed.Elapsed;
                }
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new TimeoutException($"HAProxy did not report {edge} {status} within {timeout} (last: {last}).\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await process.WaitForExitAsync(timeout.Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
            {
                // Exited meanwhile, or left to the OS.
            }
            finally
            {
                process.Dispose();
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }

    private async Task StartProcessAsync(IReadOnlyList<EdgeInstance> edges, CancellationToken cancellationToken)
    {
        var configPath = Path.Combine(_directory, "haproxy.cfg");
        await File.WriteAllTextAsync(configPath, Config(edges), cancellationToken);
        var startInfo = new ProcessStartInfo(Executable) { WorkingDirectory = _directory };
        foreach (var argument in new[] { "-f", configPath, "-db" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = _output.Start(startInfo);
        _process = process;

        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with code {process.ExitCode} at start (port {Port}):\n{Output}");
            }

            try
            {
                var servers = await ServersAsync(cancellationToken);
                if (servers.Count == edges.Count && servers.Values.All(s => s.Status == "UP"))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // The admin socket is not there yet.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"haproxy did not report every edge up within 15 s:\n{Output}");
    }

    private string Config(IReadOnlyList<EdgeInstance> edges)
    {
        var inter = (int)CheckInterval.TotalMilliseconds;
        var config = new StringBuilder();
        config.Append(CultureInfo.InvariantCulture, $"""
            global
                maxconn 4096
                stats socket {SocketPath} mode 600 level admin

            defaults
                mode tcp
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                timeout check 2s
                # a refused connect (an edge that just died) is retried on another edge
                retries 3
                option redispatch 1

            frontend edge
                bind 127.0.0.1:{Port}
                default_backend edges

            backend edges
                balance roundrobin
                option httpchk
                http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host edge
                http-check expect status 200

            """);
        foreach (var edge in edges)
        {
            config.Append(CultureInfo.InvariantCulture, $"    server {edge.Name} 127.0.0.1:{edge.Port} check inter {inter}ms fall 2 rise 2\n");
        }

        return config.ToString();
    }

    private async Task<string> CommandAsync(string command, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), cancellationToken);
        var answer = new StringBuilder();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, cancellationToken)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }
}
