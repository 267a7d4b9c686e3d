using System.Text.Json;
using Bff.ServiceDefaults.Identity;
using Bff.TestSupport.Processes;
using Web.Bff.Tests.Integration;
using Web.Bff.Tests.Support;

namespace Web.Bff.Tests.Http;

/// <summary>
/// graphql-http's server audit against the web BFF's own /graphql, wired as in production (Production settings,
/// edge identity and client check in front), called as a web-app user behind the edge.
/// </summary>
public sealed class GraphQLOverHttpAuditTests(StubsFixture stubs, EdgeKeys keys, ITestOutputHelper output) : StubTestBase(stubs, keys)
{
    protected override string Environment() => "Production";

    // The audit's {variables} probes (28B9 MUST, 2EA1 SHOULD) query __type(name:), which Production refuses with
    // INTROSPECTION_DISABLED as policy (ProductionTests); the switch is turned on so they probe the HTTP layer.
    protected override IReadOnlyDictionary<string, string?>? Settings() =>
        new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "true" };

    [Fact]
    public async Task Graphql_http_audit_passes_every_must_and_should()
    {
        var url = new Uri(Client.BaseAddress!, "/graphql").ToString();
        var json = await NodeScript.RunAsync("tests/Web.Bff.Tests/node/audit-behind-edge.js", [url, EdgeIdentityToken.HeaderName, Keys.Sign()], null, TestContext.Current.CancellationToken);
        using var results = JsonDocument.Parse(json);
        var all = results.RootElement.EnumerateArray().ToList();
        var failures = all
            .Where(r => r.GetProperty("status").GetString() != "ok" && !r.GetProperty("name").GetString()!.StartsWith("MAY", StringComparison.Ordinal))
            .Select(r => r.GetProperty("name").GetString() + ": " + r.GetProperty("reason").GetString())
            .ToList();
        output.WriteLine($"{all.Count} audits, {all.Count(r => r.GetProperty("status").GetString() == "ok")} ok");
        foreach (var r in all.Where(r => r.GetProperty("status").GetString() != "ok"))
        {
            output.WriteLine($"{r.GetProperty("status").GetString()}: {r.GetProperty("name").GetString()}: {r.GetProperty("reason").GetString()}");
        }

        Assert.True(all.Count > 20);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
