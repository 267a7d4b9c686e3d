using System.Diagnostics;
using System.Net;
using Bff.Contracts;
using Bff.Stubs.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Stubs.Tests.Hosting;

/// <summary>The real executable, as run.sh and the suite tests start it.</summary>
public sealed class StubProcessTests
{
    [Theory]
    [InlineData("identity", "/.well-known/jwks.json")]
    [InlineData("users", "/users/1")]
    [InlineData("orders", "/orders/recent?userId=1")]
    [InlineData("products", "/products/categories")]
    [InlineData("reviews", "/reviews/summary?productIds=1")]
    public async Task Each_service_starts_as_a_process_becomes_ready_and_serves(string service, string path)
    {
        var watch = Stopwatch.StartNew();
        await using var process = await ServiceProcess.StartDotnetAsync(
            RepoPaths.SiblingDll("Bff.Stubs"),
            ["--service", service],
            new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) },
            Http.Ct);
        var readyMs = watch.ElapsedMilliseconds;
        using var client = new HttpClient { BaseAddress = process.BaseAddress };

        using var response = await client.GetAsync(path, Http.Ct);
        var stats = await client.GetOkAsync("/_stub/stats", ContractsJsonContext.Default.StubStats);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, stats.Total);
        TestContext.Current.TestOutputHelper?.WriteLine($"{service}: /readyz 200 after {readyMs} ms from process start");
    }

    [Fact]
    public async Task An_unknown_service_stops_the_process_with_a_message_naming_the_key()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepoPaths.SiblingDll("Bff.Stubs"), "--service", "payments", "--urls", $"http://127.0.0.1:{FreePort.Next()}" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(Http.Ct);
            var stdout = process.StandardOutput.ReadToEndAsync(Http.Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Http.Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("Stub:Service", await stderr + await stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
