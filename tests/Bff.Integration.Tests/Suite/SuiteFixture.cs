using System.Text.Json.Nodes;
using Bff.Integration.Tests.Support;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Integration.Tests.Suite;

/// <summary>
/// The whole suite as real processes on loopback, as ./run.sh starts it: identity and the four domain stubs,
/// the three BFFs, and the edge in front with JWT auth, identity forwarding and rate limits. The BFFs run as in
/// Production; <see cref="DevelopmentSuiteFixture"/> runs them as ./run.sh does, in Development.
/// </summary>
public class SuiteFixture : IAsyncLifetime
{
    private static readonly string[] Domains = ["users", "orders", "products", "reviews"];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly List<IAsyncDisposable> _running = [];

    /// <summary>Every domain service of the suite, by the name its stub is started with.</summary>
    internal static IReadOnlyList<string> DomainNames => Domains;

    internal IdentityStub Identity { get; private set; } = null!;

    internal EdgeKeys Keys { get; } = new();

    internal EdgeProcess Edge { get; private set; } = null!;

    internal Dictionary<string, ServiceProcess> Services { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        try
        {
            Identity = await IdentityStub.StartAsync(ct);
            _running.Add(Identity);
            var stubs = await Task.WhenAll(Domains.Select(d =>
                ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", d, RequestLog], new ServiceProcessOptions { ReadyTimeout = ReadyTimeout }, ct)));
            for (var i = 0; i < Domains.Length; i++)
            {
                Services[Domains[i]] = stubs[i];
                _running.Add(stubs[i]);
            }

            string[] bffs = ["Web.Bff", "Mobile.Bff", "Partner.Bff"];
            var started = await Task.WhenAll(bffs.Select(b => StartBffAsync(b, ct)));
            for (var i = 0; i < bffs.Length; i++)
            {
                Services[bffs[i]] = started[i];
                _running.Add(started[i]);
            }

            Edge = await EdgeProcess.StartAsync(EdgeConfig(), ct);
            _running.Add(Edge);
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

    /// <summary>The BFFs' ASPNETCORE_ENVIRONMENT.</summary>
    protected virtual string EnvironmentName => "Production";


    /// <summary>An edge cluster with one destination.</summary>
    protected static JsonObject ClusterAt(Uri address) => new()
    {
        ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = address.ToString().TrimEnd('/') } },
    };

    // One "Request starting" line per request, carrying the trace id it runs under: the trace test reads them.
    private static string RequestLog => "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information";

    private Task<ServiceProcess> StartBffAsync(string name, CancellationToken ct)
    {
        var dll = RepoPaths.SiblingDll(name);
        List<string> args =
        [
            "--contentRoot", Path.GetDirectoryName(dll)!,
            RequestLog,
            $"--EdgeIdentity:VerificationKeyPath={Keys.PublicKeyPath}",

            // The production budgets (300 ms a screen) are the BFFs' own tests' subject. Here, on a machine running
            // every test project at once, a core section that misses them would turn a routing test into a 503.
            "--Resilience:Default:AttemptTimeout=00:00:05",
            "--Resilience:Default:TotalTimeout=00:00:10",
            "--Mobile:Budgets:Overall=00:00:10",
        ];
        foreach (var domain in Domains)
        {
            var key = char.ToUpperInvariant(domain[0]) + domain[1..];
            args.Add($"--DomainServices:{key}:BaseUrl={Services[domain].BaseAddress}");
        }

        var options = new ServiceProcessOptions { ReadyTimeout = ReadyTimeout, Environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = EnvironmentName } };
        return ServiceProcess.StartDotnetAsync(dll, args, options, ct);
    }

    /// <summary>The edge's config file: routes, clusters and keys of this suite.</summary>
    protected virtual JsonObject EdgeConfig()
    {
        JsonObject Cluster(string service) => ClusterAt(Services[service].BaseAddress);

        JsonObject Route(string cluster, string path, JsonObject? auth, JsonObject? limit, int order = 0)
        {
            var route = new JsonObject { ["ClusterId"] = cluster, ["Order"] = order, ["Match"] = new JsonObject { ["Path"] = path } };
            if (auth is not null)
            {
                route["Auth"] = auth;
            }

            if (limit is not null)
            {
                route["RateLimit"] = limit;
            }

            return route;
        }

        static JsonObject Auth(string audience, params string[] clients) => new() { ["Audience"] = audience, ["Clients"] = new JsonArray([.. clients.Select(c => JsonValue.Create(c))]) };
        var appUsers = new JsonObject { ["Policy"] = "app-users" };
        var partnerAuth = Auth("partner-bff", "partner-free", "partner-gold");
        partnerAuth["Scopes"] = new JsonArray("partner.read");
        return new JsonObject
        {
            ["Server"] = new JsonObject { ["AccessLog"] = new JsonObject { ["Enabled"] = true } },
            ["Identity"] = new JsonObject { ["SigningKeyPath"] = Keys.PrivateKeyPath },
            ["Authentication"] = new JsonObject { ["Jwt"] = new JsonObject { ["Authority"] = Identity.Url + "/" } },
            ["Routes"] = new JsonObject
            {
                ["graphql"] = Route("web", "/graphql", Auth("web-bff", "web-app"), appUsers.DeepClone().AsObject()),
                ["mobile"] = Route("mobile", "/mobile/{**rest}", Auth("mobile-bff", "mobile-app"), appUsers.DeepClone().AsObject()),
                ["partner-docs"] = Route("partner", "/partner/{version}/openapi.json", null, null, order: -1),
                ["partner"] = Route("partner", "/partner/{**rest}", partnerAuth,
                    new JsonObject { ["PlanPolicies"] = new JsonObject { ["free"] = "partner-free", ["gold"] = "partner-gold" }, ["PartitionBy"] = "Client" }),
            },
            ["Clusters"] = new JsonObject
            {
                ["web"] = Cluster("Web.Bff"),
                ["mobile"] = Cluster("Mobile.Bff"),
                ["partner"] = Cluster("Partner.Bff"),
            },
        };
    }
}
