using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// Issue #9's failure tests on the real topology (HAProxy -> two edges -> mobile BFF -> stubs, one Redis): the
/// global limit, SIGTERM, SIGKILL and a rolling restart under a steady load. Each test prints requests sent,
/// failed and the recovery time; each starts with both edges up and leaves them up.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture, ITestOutputHelper output)
{
    private const string LoadPath = "mobile/home";
    private const int Clients = 8;

    /// <summary>HAProxy takes an edge out after two failed checks; a check that is refused fails at once.</summary>
    private static readonly TimeSpan DetectionBound = HaproxyProcess.CheckInterval * 2;

    private readonly Stopwatch _testClock = Stopwatch.StartNew();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Global_rate_limit_holds_across_both_edges_behind_haproxy()
    {
        await fixture.EnsureAllUpAsync(Ct);
        await fixture.EnsureRedisSharedAsync(Ct);
        var before = await fixture.Haproxy.ServersAsync(Ct);
        using var client = new HttpClient { BaseAddress = fixture.Haproxy.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new List<HttpStatusCode>();
        string? policy = null;
        for (var i = 0; i < ScaleOutFixture.Quota + 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, LoadPath);
            request.Headers.Authorization = new("Bearer", fixture.AliceToken);
            request.Headers.Add(ScaleOutFixture.QuotaHeader, "on");

            // A new connection per request: HAProxy balances connections, so round-robin alternates the edges.
            request.Headers.ConnectionClose = true;
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
            policy ??= response.Headers.TryGetValues("RateLimit-Policy", out var values) ? string.Join(",", values) : "none";
        }

        var after = await fixture.Haproxy.ServersAsync(Ct);
        var perEdge = fixture.Edges.ToDictionary(e => e.Name, e => after[e.Name].Sessions - before[e.Name].Sessions);
        var passed = statuses.Count(s => s == HttpStatusCode.OK);
        output.WriteLine(Invariant($"rate limit: {statuses.Count} requests sent through HAProxy ({string.Join(", ", perEdge.Select(p => $"{p.Key} {p.Value}"))}), {passed} passed, {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} limited (429), quota {ScaleOutFixture.Quota}, policy {policy}"));

        output.WriteLine(Invariant($"  test took {Ms(_testClock.Elapsed)}; the topology started in {Ms(fixture.StartupTime)}"));
        Assert.Equal(ScaleOutFixture.Quota, passed);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.All(statuses.Skip(ScaleOutFixture.Quota), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.All(perEdge.Values, connections => Assert.True(connections >= 10, $"each edge should get a share: {string.Join(", ", perEdge)}"));
    }

    [Fact]
    public async Task Sigterm_drains_one_edge_under_load_and_no_request_fails()
    {
        await fixture.EnsureAllUpAsync(Ct);
        var edge = fixture.Edges[0];
        await using var load = SteadyLoad.Start(fixture.Haproxy.BaseAddress, LoadPath, fixture.DemoToken, Clients);
        await load.WaitForMoreAsync(200, Ct);

        var signalled = load.Now;
        await edge.TerminateAsync(Ct);
        var markedDown = await fixture.Haproxy.WaitForStatusAsync(edge.Name, "DOWN", TimeSpan.FromSeconds(10), Ct);
        var exitCode = await edge.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);
        var exited = load.Now - signalled;
        await load.WaitForMoreAsync(250, Ct);
        var result = await load.StopAsync();

        output.WriteLine(result.Describe("SIGTERM one edge"));
        output.WriteLine(Invariant($"  HAProxy marked {edge.Name} down {Ms(markedDown)} after SIGTERM; it exited (code {exitCode}) after {Ms(exited)}; {result.SentAfter(signalled + exited)} requests after its exit; recovery time 0 ms (no request failed)"));

        await fixture.EnsureAllUpAsync(Ct);
        output.WriteLine(Invariant($"  test took {Ms(_testClock.Elapsed)} (edge back up included)"));
        Assert.Empty(result.Failures);
        Assert.Equal(0, exitCode);
        Assert.True(exited >= ScaleOutFixture.ShutdownDelay, $"exited after {exited}, before the drain delay ended");
        Assert.True(result.SentAfter(signalled + exited) >= 200);
    }

    [Fact]
    public async Task Sigkill_of_one_edge_fails_only_requests_in_flight_and_traffic_recovers_within_the_health_check()
    {
        await fixture.EnsureAllUpAsync(Ct);
        var edge = fixture.Edges[1];
        await using var load = SteadyLoad.Start(fixture.Haproxy.BaseAddress, LoadPath, fixture.DemoToken, Clients);
        await load.WaitForMoreAsync(200, Ct);

        var abortsBefore = (await fixture.Haproxy.ServersAsync(Ct))[edge.Name].ServerAborts;
        var killed = load.Now;
        edge.Kill();
        var markedDown = await fixture.Haproxy.WaitForStatusAsync(edge.Name, "DOWN", TimeSpan.FromSeconds(10), Ct);
        await load.WaitForMoreAsync(350, Ct);
        var result = await load.StopAsync();
        var cut = (await fixture.Haproxy.ServersAsync(Ct))[edge.Name].ServerAborts - abortsBefore;
        var recovery = result.RecoveryAfter(killed);

        // A request counts as in flight if it started before the kill; the margin covers the kill call itself.
        var lateFailures = result.Failures.Count(f => f.Started > killed + TimeSpan.FromMilliseconds(100));

        output.WriteLine(result.Describe("SIGKILL one edge"));
        output.WriteLine(Invariant($"  {result.InFlightAt(killed)} requests in flight at the kill (over both edges), HAProxy saw {cut} connections to {edge.Name} cut; the slowest of them took {Ms(result.SlowestAcross(killed))} (SocketsHttpHandler re-sends a request whose kept-alive connection closed before any response byte)"));
        output.WriteLine(Invariant($"  HAProxy marked {edge.Name} down {Ms(markedDown)} after the kill; recovery time {Ms(recovery)} (from the kill to the end of the last failed request); {lateFailures} failures started after the kill; {result.SentAfter(killed + recovery)} requests after recovery, all passed"));

        await fixture.EnsureAllUpAsync(Ct);
        output.WriteLine(Invariant($"  test took {Ms(_testClock.Elapsed)} (edge back up included)"));
        Assert.Equal(0, lateFailures);
        Assert.True(result.Failures.Count <= Clients, $"at most the {Clients} requests in flight may fail: {result.Describe("kill")}");
        Assert.True(recovery <= DetectionBound + TimeSpan.FromSeconds(1), $"recovery took {recovery}");
        Assert.True(result.SentAfter(killed + recovery) >= 300);
    }

    [Fact]
    public async Task Rolling_restart_of_both_edges_under_load_fails_no_request()
    {
        await fixture.EnsureAllUpAsync(Ct);
        await using var load = SteadyLoad.Start(fixture.Haproxy.BaseAddress, LoadPath, fixture.DemoToken, Clients);
        await load.WaitForMoreAsync(200, Ct);

        var started = load.Now;
        var steps = new List<string>();
        foreach (var edge in fixture.Edges)
        {
            var signalled = load.Now;
            await edge.TerminateAsync(Ct);
            var exitCode = await edge.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);
            var exited = load.Now - signalled;
            await edge.StartAgainAsync(Ct);
            var ready = load.Now - signalled;

            // Only once HAProxy sends it traffic again may the other edge go.
            await fixture.Haproxy.WaitForStatusAsync(edge.Name, "UP", TimeSpan.FromSeconds(15), Ct);
            var back = load.Now - signalled;
            steps.Add(Invariant($"{edge.Name}: exited (code {exitCode}) after {Ms(exited)}, ready after {Ms(ready)}, UP in HAProxy after {Ms(back)}"));
            Assert.Equal(0, exitCode);
        }

        var restart = load.Now - started;
        await load.WaitForMoreAsync(200, Ct);
        var result = await load.StopAsync();

        output.WriteLine(result.Describe("rolling restart of both edges"));
        output.WriteLine(Invariant($"  whole restart {Ms(restart)}; {string.Join("; ", steps)}; recovery time 0 ms (no request failed)"));
        var served = await fixture.Haproxy.ServersAsync(Ct);
        output.WriteLine(Invariant($"  HAProxy connections per edge so far: {string.Join(", ", served.Select(s => $"{s.Key} {s.Value.Sessions}"))}"));

        output.WriteLine(Invariant($"  test took {Ms(_testClock.Elapsed)}"));
        Assert.Empty(result.Failures);
    }

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
