using System.Text.Json.Nodes;
using Bff.Integration.Tests.ScaleOut;
using Bff.Integration.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;
using Bff.TestSupport.Redis;

namespace Bff.Integration.Tests.Replicas;

/// <summary>
/// Two replicas of the partner and of the mobile BFF as real processes behind one real edge (round-robin, passive
/// health, active checks on <c>/readyz</c>), the partner replicas sharing one redis-server for idempotency keys, in
/// front of the identity and domain stubs. Everything is stopped in reverse order on dispose.
/// </summary>
public sealed class ReplicasFixture : IAsyncLifetime
{
    /// <summary>How long a BFF keeps serving after SIGTERM with <c>/readyz</c> 503 (several of the edge's check intervals).</summary>
    public static readonly TimeSpan ShutdownDelay = TimeSpan.FromSeconds(2);

    private static readonly string[] Domains = ["users", "orders", "products", "reviews"];
    private readonly List<IAsyncDisposable> _running = [];
    private readonly Dictionary<string, ServiceProcess> _stubs = [];

    internal EdgeKeys Keys { get; } = new();

    internal RedisServerProcess Redis { get; private set; } = null!;

    internal IdentityStub Identity { get; private set; } = null!;

    internal IReadOnlyList<ReplicaProcess> Partners { get; private set; } = [];

    internal IReadOnlyList<ReplicaProcess> Mobiles { get; private set; } = [];

    internal EdgeInstance Edge { get; private set; } = null!;

    internal Uri Orders => _stubs["orders"].BaseAddress;

    internal string DemoToken { get; private set; } = string.Empty;

    internal string GoldToken { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        try
        {
            Redis = Keep(await RedisServerProcess.StartAsync(ct));
            Identity = Keep(await IdentityStub.StartAsync(ct));
            foreach (var domain in Domains)
            {
                _stubs[domain] = Keep(await ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", domain], new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) }, ct));
            }

            Partners = [Keep(await StartBffAsync("partner-1", "Partner.Bff", ct)), Keep(await StartBffAsync("partner-2", "Partner.Bff", ct))];
            Mobiles = [Keep(await StartBffAsync("mobile-1", "Mobile.Bff", ct)), Keep(await StartBffAsync("mobile-2", "Mobile.Bff", ct))];
            Edge = Keep(await EdgeInstance.StartAsync("edge", EdgeConfig(), ct));
            DemoToken = await Identity.UserTokenAsync("demo", "mobile-app", ct);
            GoldToken = await Identity.PartnerTokenAsync("partner-gold", ct);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            await _running[i].DisposeAsync();
        }

        _running.Clear();
        Keys.Dispose();
    }

    /// <summary>Starts any replica a failed test left stopped.</summary>
    internal async Task EnsureAllRunningAsync(CancellationToken cancellationToken)
    {
        foreach (var replica in Partners.Concat(Mobiles).Where(r => !r.IsRunning))
        {
            await replica.StartAgainAsync(cancellationToken);
        }
    }

    private T Keep<T>(T started)
        where T : IAsyncDisposable
    {
        _running.Add(started);
        return started;
    }

    private Task<ReplicaProcess> StartBffAsync(string name, string project, CancellationToken ct)
    {
        List<string> args =
        [
            $"--EdgeIdentity:VerificationKeyPath={Keys.PublicKeyPath}",
            "--RateLimiting:Backend=redis",
            $"--RateLimiting:Redis:Endpoint={Redis.Endpoint}",
            "--Shutdown:Delay=" + ShutdownDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--Shutdown:Timeout=00:00:10",

            // Budgets for a loaded 2-core machine, as in the scale-out fixture: slow stub calls must not become 503s.
            "--Resilience:Default:AttemptTimeout=00:00:04",
            "--Resilience:Default:TotalTimeout=00:00:05",
            "--Mobile:Budgets:Overall=00:00:05",
            "--Mobile:Hedging:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ];
        foreach (var domain in Domains)
        {
            args.Add($"--DomainServices:{char.ToUpperInvariant(domain[0]) + domain[1..]}:BaseUrl={_stubs[domain].BaseAddress}");
        }

        return ReplicaProcess.StartAsync(name, project, FreePort.Next(), args, ct);
    }

    private JsonObject EdgeConfig()
    {
        static JsonObject Cluster(IEnumerable<ReplicaProcess> replicas)
        {
            var destinations = new JsonObject();
            foreach (var replica in replicas)
            {
                destinations[replica.Name] = new JsonObject { ["Address"] = replica.BaseAddress.ToString().TrimEnd('/') };
            }

            return new JsonObject
            {
                ["LoadBalancingPolicy"] = "RoundRobin",
                ["Destinations"] = destinations,
                ["HealthCheck"] = new JsonObject
                {
                    ["Active"] = new JsonObject { ["Enabled"] = true, ["Interval"] = "00:00:00.250", ["Timeout"] = "00:00:01", ["Path"] = "/readyz" },
                    ["Passive"] = new JsonObject { ["ConsecutiveFailures"] = 1, ["ReactivationPeriod"] = "00:00:02" },
                },
            };
        }

        return new JsonObject
        {
            ["Identity"] = new JsonObject { ["SigningKeyPath"] = Keys.PrivateKeyPath },
            ["Authentication"] = new JsonObject { ["Jwt"] = new JsonObject { ["Authority"] = Identity.Url + "/" } },
            ["Routes"] = new JsonObject
            {
                ["mobile"] = new JsonObject
                {
                    ["ClusterId"] = "mobile",
                    ["Match"] = new JsonObject { ["Path"] = "/mobile/{**rest}" },
                    ["Auth"] = new JsonObject { ["Audience"] = "mobile-bff", ["Clients"] = new JsonArray("mobile-app") },
                },
                ["partner"] = new JsonObject
                {
                    ["ClusterId"] = "partner",
                    ["Match"] = new JsonObject { ["Path"] = "/partner/v2/{**rest}" },
                    ["Auth"] = new JsonObject { ["Audience"] = "partner-bff", ["Clients"] = new JsonArray("partner-gold"), ["Scopes"] = new JsonArray("partner.read") },
                },
            },
            ["Clusters"] = new JsonObject { ["mobile"] = Cluster(Mobiles), ["partner"] = Cluster(Partners) },
        };
    }
}
