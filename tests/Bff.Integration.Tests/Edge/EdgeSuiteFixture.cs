using System.Text.Json.Nodes;
using Bff.Authentication.ApiKeys;
using Bff.Integration.Tests.Support;

namespace Bff.Integration.Tests.Edge;

/// <summary>
/// The real identity stub, a recording upstream and the real edge executable in front of it, configured with
/// authenticated, scoped, rate-limited and anonymous routes. Shared by one test class; stopped after it.
/// </summary>
public sealed class EdgeSuiteFixture : IAsyncLifetime
{
    public const string PartnerApiKey = "gold-key-1.9f2c6f0e-api-key-secret";

    internal IdentityStub Identity { get; private set; } = null!;

    internal RecordingUpstream Upstream { get; private set; } = null!;

    internal EdgeKeys Keys { get; } = new();

    internal EdgeProcess Edge { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Identity = await IdentityStub.StartAsync(ct);
        Upstream = await RecordingUpstream.StartAsync();
        Edge = await EdgeProcess.StartAsync(Config(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        Keys.Dispose();
    }

    private JsonObject Config() => new()
    {
        ["Identity"] = new JsonObject { ["SigningKeyPath"] = Keys.PrivateKeyPath },
        ["Authentication"] = new JsonObject
        {
            ["Jwt"] = new JsonObject { ["Authority"] = Identity.Url + "/", ["MinimumRefreshInterval"] = "00:00:01" },
            ["ApiKeys"] = new JsonObject
            {
                ["Keys"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "gold-key-1",
                    ["SecretSha256"] = ApiKeyValidator.HashSecret(PartnerApiKey[(PartnerApiKey.IndexOf('.', StringComparison.Ordinal) + 1)..]),
                    ["ClientId"] = "partner-gold",
                    ["Plan"] = "gold",
                    ["Scopes"] = new JsonArray("partner.read", "partner.write"),
                }),
            },
        },
        ["RateLimiting"] = new JsonObject
        {
            ["Policies"] = new JsonObject { ["tight"] = new JsonObject { ["Limit"] = 5, ["Period"] = "00:10:00", ["Burst"] = 5 } },
        },
        ["Routes"] = new JsonObject
        {
            ["mobile"] = Route("/mobile/{**rest}", new JsonObject { ["Audience"] = "mobile-bff", ["Clients"] = new JsonArray("mobile-app") }, new JsonObject { ["Policy"] = "app-users" }),
            ["partner-write"] = Route("/partner/v2/orders", new JsonObject { ["Audience"] = "partner-bff", ["Scopes"] = new JsonArray("partner.write") },
                new JsonObject { ["PlanPolicies"] = new JsonObject { ["free"] = "partner-free", ["gold"] = "partner-gold" }, ["PartitionBy"] = "Client" }, "POST"),
            ["partner"] = Route("/partner/{**rest}", new JsonObject { ["Audience"] = "partner-bff", ["Scopes"] = new JsonArray("partner.read") }, null),
            ["tight"] = Route("/tight/{**rest}", null, new JsonObject { ["Policy"] = "tight", ["PartitionBy"] = "ClientAddress" }),
            ["tight-user"] = Route("/tight-user/{**rest}", new JsonObject { ["Audience"] = "mobile-bff" }, new JsonObject { ["Policy"] = "tight" }),
            ["open"] = Route("/open/{**rest}", null, null),
        },
        ["Clusters"] = new JsonObject
        {
            ["up"] = new JsonObject { ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = Upstream.Url } } },
        },
    };

    private static JsonObject Route(string path, JsonObject? auth, JsonObject? rateLimit, string? method = null)
    {
        var match = new JsonObject { ["Path"] = path };
        if (method is not null)
        {
            match["Methods"] = new JsonArray(method);
        }

        var route = new JsonObject { ["ClusterId"] = "up", ["Match"] = match };
        if (auth is not null)
        {
            route["Auth"] = auth;
        }

        if (rateLimit is not null)
        {
            route["RateLimit"] = rateLimit;
        }

        return route;
    }
}
