using System.Diagnostics;
using System.Net;

namespace Bff.Integration.Tests.Suite;

/// <summary>What operators get from the running suite: one trace across the hops, and scrapes Prometheus accepts.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SuiteTelemetryTests(SuiteFixture suite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_trace_id_runs_from_the_edge_through_the_bff_to_the_domain_services()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/mobile/home", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await suite.Edge.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edgeLine = await WaitForLineAsync(() => suite.Edge.Output, traceId);
        Assert.Contains("\"path\":\"/mobile/home\"", edgeLine, StringComparison.Ordinal);
        var bffLine = await WaitForLineAsync(() => suite.Services["Mobile.Bff"].Output, traceId);
        Assert.Contains("/mobile/home", bffLine, StringComparison.Ordinal);
        var userLine = await WaitForLineAsync(() => suite.Services["users"].Output, traceId);
        Assert.Contains("/users/1", userLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_services_metrics_pass_promtool_check_without_a_word()
    {
        // Traffic first, so the request, client and suite instruments have series to lint.
        var token = await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/mobile/home", UriKind.Relative)))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            (await suite.Edge.Client.SendAsync(request, Ct)).Dispose();
        }

        var services = new Dictionary<string, Uri>(StringComparer.Ordinal)
        {
            ["edge"] = suite.Edge.Client.BaseAddress!,
            ["identity"] = new(suite.Identity.Url + "/"),
        };
        foreach (var (name, process) in suite.Services)
        {
            services[name] = process.BaseAddress;
        }

        using var http = new HttpClient();
        foreach (var (name, address) in services)
        {
            var scrape = await http.GetStringAsync(new Uri(address, "metrics"), Ct);
            var (exitCode, output) = await PromtoolCheckAsync(scrape);

            Assert.True(exitCode == 0 && output.Length == 0, $"promtool on {name}'s /metrics (exit {exitCode}):\n{output}");
        }
    }

    private static async Task<string> WaitForLineAsync(Func<string> output, string traceId)
    {
        // Log lines reach the captured output a little after the answer.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = output().Split('\n').FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"No line carries trace id {traceId}. Output:\n{output()}");
        return string.Empty;
    }

    private static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string scrape)
    {
        var startInfo = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(startInfo) ?? throw new InvalidOperationException("promtool did not start (./test.sh installs it).");
        var stdout = promtool.StandardOutput.ReadToEndAsync(Ct);
        var stderr = promtool.StandardError.ReadToEndAsync(Ct);
        await promtool.StandardInput.WriteAsync(scrape);
        promtool.StandardInput.Close();
        await promtool.WaitForExitAsync(Ct);
        return (promtool.ExitCode, (await stdout + await stderr).Trim());
    }
}
