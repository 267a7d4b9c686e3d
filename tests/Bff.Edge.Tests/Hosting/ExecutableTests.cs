using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Hosting;

/// <summary>The built executable, as ./run.sh starts it: quick mode, then SIGTERM with a request in flight.</summary>
public sealed class ExecutableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quick_mode_process_serves_and_drains_an_in_flight_request_on_SIGTERM()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            if (context.Request.Path == "/slow")
            {
                received.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            }

            await context.Response.WriteAsync("done", context.RequestAborted);
        });
        var port = Ports.Closed();
        using var process = StartEdge($"--from http://127.0.0.1:{port} --to {upstream.Url}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client);

            var slow = client.GetAsync("/slow", Ct);
            await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await kill.WaitForExitAsync(Ct);
            }

            using var response = await slow;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("done", await response.Content.ReadAsStringAsync(Ct));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_port_already_in_use_exits_1_with_one_line_naming_the_address()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var errors = new StringBuilder();
        using var process = StartEdge($"--from http://127.0.0.1:{port} --to http://127.0.0.1:{Ports.Closed()}", line =>
        {
            lock (errors)
            {
                errors.AppendLine(line);
            }
        });
        try
        {
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exit.Token);

            Assert.Equal(1, process.ExitCode);
            var text = errors.ToString();
            Assert.Contains($"127.0.0.1:{port}", text, StringComparison.Ordinal);
            Assert.Contains("in use", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task By_default_the_process_runs_one_socket_event_thread_per_core()
    {
        var port = Ports.Closed();

        var threads = await SocketEventThreadsAsync($"--from http://127.0.0.1:{port} --to http://127.0.0.1:{Ports.Closed()}", port);

        // The runtime starts one event thread per core only when completions run inline on them.
        Assert.Equal(Environment.ProcessorCount, threads);
    }

    [Fact]
    public async Task InlineSocketCompletions_false_hands_completions_to_the_thread_pool()
    {
        var port = Ports.Closed();
        var config = Path.Combine(Path.GetTempPath(), $"edge-threadpool-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Server": { "Urls": [ "http://127.0.0.1:{{port}}" ], "InlineSocketCompletions": false },
              "Routes": { "all": { "ClusterId": "up", "Match": { "Path": "/{**path}" } } },
              "Clusters": { "up": { "Destinations": { "a": { "Address": "http://127.0.0.1:{{Ports.Closed()}}" } } } }
            }
            """, Ct);
        try
        {
            var threads = await SocketEventThreadsAsync($"--config \"{config}\"", port);

            // Thread-pool mode: one event thread per 30 cores (x64), at least one.
            Assert.Equal(Math.Max(1, (int)Math.Round(Environment.ProcessorCount / 30.0)), threads);
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>Starts the edge, waits until it serves on <paramref name="port"/>, and counts the runtime's socket event threads in /proc.</summary>
    private static async Task<int> SocketEventThreadsAsync(string arguments, int port)
    {
        using var process = StartEdge(arguments);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client);
            return Directory.GetDirectories($"/proc/{process.Id}/task")
                .Count(task => File.ReadAllText(Path.Combine(task, "comm")).TrimEnd() == ".NET Sockets");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartEdge(string arguments, Action<string>? onError = null)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Bff.Edge", configuration, "Bff.Edge.dll"));
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("EDGE_CONFIG");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onError?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/healthz", Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail("the edge process did not start");
    }
}
