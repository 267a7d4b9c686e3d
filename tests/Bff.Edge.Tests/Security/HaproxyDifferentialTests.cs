using Bff.TestSupport.Upstreams;
using System.Text;
using Bff.Edge.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Processes;

namespace Bff.Edge.Tests.Security;

/// <summary>
/// The conformance cases through HAProxy (Debian's, HTTP mode, installed by test.sh) in front of the same kind of raw
/// upstream: where we stand. The edge must refuse at least everything HAProxy refuses; the table of differences
/// goes to the test output.
/// </summary>
public sealed class HaproxyDifferentialTests
{
    [Fact]
    public async Task The_edge_refuses_everything_HAProxy_refuses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        var directory = Directory.CreateTempSubdirectory("edge-haproxy-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, $"""
            global
              nbthread 1
            defaults
              mode http
              timeout connect 5s
              timeout client 5s
              timeout server 5s
            frontend fe
              bind 127.0.0.1:{port}
              default_backend be
            backend be
              server up {upstream.Url[7..]}

            """, ct);
        await using var haproxy = await ServiceProcess.StartAsync("/usr/sbin/haproxy", ["-db", "-f", config], port, new ServiceProcessOptions { ReadyPath = "/" }, ct);
        File.Delete(config); // read at start
        Directory.Delete(directory);

        var report = new StringBuilder("case | HAProxy | edge\n");
        var laxer = new List<string>();
        foreach (var row in StrictRequestTests.Cases)
        {
            var (name, request, edgeOutcome) = row.Data;
            var before = upstream.Requests.Count;
            var (response, _) = await RawHttp.ExchangeAsync(haproxy.Port, request, TimeSpan.FromSeconds(1));
            await Task.Delay(50, ct);
            var refused = RawHttp.StatusOf(response) is >= 400 and < 500 && upstream.Requests.Count == before;
            report.Append(name).Append(" | ").Append(refused ? "refused " + RawHttp.StatusOf(response) : "forwarded").Append(" | ").Append(edgeOutcome).Append('\n');
            if (refused && edgeOutcome == StrictRequestTests.Outcome.Forwarded)
            {
                laxer.Add(name);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(laxer.Count == 0, "The edge forwards what HAProxy refuses: " + string.Join(", ", laxer) + "\n" + report);
    }
}
