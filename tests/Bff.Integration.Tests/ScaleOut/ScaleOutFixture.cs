using System.Text.Json.Nodes;
using Bff.Integration.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;
using Bff.TestSupport.Redis;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// The compose topology as real processes on loopback: HAProxy in TCP mode -> two edge instances sharing one
/// redis-server for rate limits -> the mobile BFF -> the identity and domain stubs. Everything started here is
/// stopped in reverse order on dispose, also when the start failed halfway.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>Requests the <c>quota</c> policy lets through per user, whichever edge they reach.</summary>
    public const int Quota = 20;

    /// <summary>Requests with this header take the <c>quota</c> route (same upstream, tight global limit).</summary>
    public const string QuotaHeader = "X-Quota-Test";

    /// <summary>How long an edge keeps serving after SIGTERM while HAProxy takes it out (8 health-check intervals).</summary>
    public static readonly TimeSpan ShutdownDelay = TimeSpan.FromSeconds(2);

    private static readonly string[] Domains = ["users", "orders", "products", "reviews"];
    private readonly List<IAsyncDisposable> _running = [];
    private readonly Dictionary<string, ServiceProcess> _stubs = [];
    private readonly int _mobilePort = FreePort.Next();
    private int _disposed;

    internal RedisServerProcess Redis { get; private set; } = null!;

    internal IdentityStub Identity { get; private set; } = null!;

    internal EdgeKeys Keys { get; } = new();

    internal IReadOnlyList<EdgeInstance> Edges { get; private set; } = [];

    internal HaproxyProcess Haproxy { get; private set; } = null!;

    /// <summary>How long starting the whole topology took.</summary>
    internal TimeSpan StartupTime { get; private set; }

    /// <summary>A token of <c>demo</c> on the mobile app, for the load.</summary>
    internal string DemoToken { get; private set; } = string.Empty;

    /// <summary>A token of <c>alice</c> on the mobile app, whose quota the rate-limit test spends.</summary>
    internal string AliceToken { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Two waves, each started together: what the edges and the BFF need first, then them, then HAProxy.
            var redis = KeepAsync(RedisServerProcess.StartAsync(ct));
            var identity = KeepAsync(IdentityStub.StartAsync(ct));
            var stubs = Domains.Select(d => KeepAsync(ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", d], Slow, ct))).ToArray();
            await Task.WhenAll([redis, identity, .. stubs]);
            Redis = await redis;
            Identity = await identity;
            for (var i = 0; i < Domains.Length; i++)
            {
                _stubs[Domains[i]] = await stubs[i];
            }

            var mobile = KeepAsync(StartMobileBffAsync(ct));
            var edges = new[] { "edge-1", "edge-2" }.Select(name => KeepAsync(EdgeInstance.StartAsync(name, EdgeConfig(), ct))).ToArray();
            await Task.WhenAll([mobile, .. edges]);
            Edges = await Task.WhenAll(edges);
            Haproxy = await KeepAsync(HaproxyProcess.StartAsync(Edges, ct));

            DemoToken = await Identity.UserTokenAsync("demo", "mobile-app", ct);
            AliceToken = await Identity.UserTokenAsync("alice", "mobile-app", ct);
            await WarmUpAsync(ct);
            StartupTime = clock.Elapsed;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Called by InitializeAsync when the start failed, then again by xUnit.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        IAsyncDisposable[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        for (var i = running.Length - 1; i >= 0; i--)
        {
            await running[i].DisposeAsync();
        }

        _running.Clear();
        Keys.Dispose();
    }

    /// <summary>Starts any edge a failed test left stopped, and waits until HAProxy has every edge up again.</summary>
    internal async Task EnsureAllUpAsync(CancellationToken cancellationToken)
    {
        foreach (var edge in Edges)
        {
            if (!edge.IsRunning)
            {
                await edge.StartAgainAsync(cancellationToken);
            }

            await Haproxy.WaitForStatusAsync(edge.Name, "UP", TimeSpan.FromSeconds(15), cancellationToken);
        }
    }

    /// <summary>
    /// Waits until every edge limits through Redis (its <c>bff.rate_limit.redis.available</c> gauge is 1). A fresh
    /// edge connects on its first check; a check that times out fails open to the edge's own limiter for a moment.
    /// </summary>
    internal async Task EnsureRedisSharedAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var edge in Edges)
        {
            var elapsed = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(edge.BaseAddress, "mobile/home")))
                {
                    request.Headers.Authorization = new("Bearer", DemoToken);
                    using var response = await client.SendAsync(request, cancellationToken);
                }

                var metrics = await client.GetStringAsync(new Uri(edge.BaseAddress, "metrics"), cancellationToken);
                if (metrics.Split('\n').Any(l => l.StartsWith("bff_rate_limit_redis_available", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)))
                {
                    break;
                }

                if (elapsed.Elapsed > TimeSpan.FromSeconds(15))
                {
                    throw new TimeoutException($"{edge.Name} does not limit through Redis after 15 s.\n{edge.Output}");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private string MobileUrl => $"http://127.0.0.1:{_mobilePort}";

    private static ServiceProcessOptions Slow => new() { ReadyTimeout = TimeSpan.FromSeconds(90) };

    // The first requests JIT-compile the path through both edges and the BFF; on a busy machine they can outlast
    // even generous budgets, which must not count against the tests.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Haproxy.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var passed = 0;
        var last = string.Empty;
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (passed < 10)
        {
            if (elapsed.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Warm-up through HAProxy: {passed} of 10 requests passed in 60 s; last {last}\n{Edges[0].Output}");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "mobile/home");
            request.Headers.Authorization = new("Bearer", DemoToken);
            request.Headers.ConnectionClose = true;
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                passed++;
            }
            else
            {
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
        }
    }

    // Whatever starts is kept for DisposeAsync as soon as it runs, so a sibling that fails to start leaks nothing.
    private async Task<T> KeepAsync<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var started = await starting;
        lock (_running)
        {
            _running.Add(started);
        }

        return started;
    }

    private Task<ServiceProcess> StartMobileBffAsync(CancellationToken ct)
    {
        var dll = RepoPaths.SiblingDll("Mobile.Bff");
        List<string> args =
        [
            "--contentRoot", Path.GetDirectoryName(dll)!,
            $"--EdgeIdentity:VerificationKeyPath={Keys.PublicKeyPath}",

            // The BFF's 300 ms budgets are for a quiet machine. Under a steady load on a busy 2-core machine they
            // would turn slow stub calls into 503s that have nothing to do with the edges these tests are about.
            "--Resilience:Default:AttemptTimeout=00:00:04",
            "--Resilience:Default:TotalTimeout=00:00:05",
            "--Mobile:Budgets:Overall=00:00:05",
            "--Mobile:Hedging:Enabled=false",
        ];
        foreach (var domain in Domains)
        {
            var key = char.ToUpperInvariant(domain[0]) + domain[1..];
            args.Add($"--DomainServices:{key}:BaseUrl={_stubs[domain].BaseAddress}");
        }

        // Its port is chosen up front so the edges, which need its address, start alongside it.
        return ServiceProcess.StartAsync("dotnet", [dll, .. args, "--urls", MobileUrl], _mobilePort, Slow, ct);
    }

    private JsonObject EdgeConfig()
    {
        JsonObject MobileRoute(string policy, int order, JsonArray? headers)
        {
            var match = new JsonObject { ["Path"] = "/mobile/{**rest}" };
            if (headers is not null)
            {
                match["Headers"] = headers;
            }

            return new JsonObject
            {
                ["ClusterId"] = "mobile",
                ["Order"] = order,
                ["Match"] = match,
                ["Auth"] = new JsonObject { ["Audience"] = "mobile-bff", ["Clients"] = new JsonArray("mobile-app") },
                ["RateLimit"] = new JsonObject { ["Policy"] = policy },
            };
        }

        return new JsonObject
        {
            ["Server"] = new JsonObject
            {
                ["ShutdownDelay"] = ShutdownDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["ShutdownTimeout"] = "00:00:10",
            },
            ["Identity"] = new JsonObject { ["SigningKeyPath"] = Keys.PrivateKeyPath },
            ["Authentication"] = new JsonObject { ["Jwt"] = new JsonObject { ["Authority"] = Identity.Url + "/" } },
            ["RateLimiting"] = new JsonObject
            {
                ["Backend"] = "redis",
                // Timeouts for a busy 2-core machine rather than production's 250 ms: a slow answer would open the
                // circuit and let each edge limit on its own, which is the documented fail-open, not the shared limit.
                ["Redis"] = new JsonObject { ["Endpoint"] = Redis.Endpoint, ["ConnectTimeout"] = "00:00:02", ["CommandTimeout"] = "00:00:02" },
                ["RedisFailure"] = "open",
                ["RedisProbeInterval"] = "00:00:00.200",
                ["Policies"] = new JsonObject
                {
                    ["quota"] = new JsonObject { ["Limit"] = Quota, ["Period"] = "00:30:00", ["Burst"] = Quota },
                    ["steady"] = new JsonObject { ["Limit"] = 100_000, ["Period"] = "00:00:01", ["Burst"] = 100_000 },
                },
            },
            ["Routes"] = new JsonObject
            {
                ["mobile-quota"] = MobileRoute("quota", -1, new JsonArray(new JsonObject { ["Name"] = QuotaHeader, ["Values"] = new JsonArray("on") })),
                ["mobile"] = MobileRoute("steady", 0, null),
            },
            ["Clusters"] = new JsonObject
            {
                ["mobile"] = new JsonObject
                {
                    ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = MobileUrl } },
                },
            },
        };
    }
}
