using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Partner.Bff.Tests.Support;
using static Partner.Bff.Tests.Support.PartnerRequests;

namespace Partner.Bff.Tests.OpenApi;

/// <summary>
/// The served documents against the committed snapshots (docs/partner/openapi.&lt;version&gt;.json): a change that
/// would break a released version fails; an additive change fails until the snapshot is regenerated on purpose
/// (run with <c>PARTNER_OPENAPI_UPDATE=1</c>).
/// </summary>
public sealed class OpenApiSnapshotTests(EdgeKeys keys) : IAsyncLifetime
{
    private PartnerBffHost? _bff;
    private HttpClient? _client;

    public ValueTask InitializeAsync()
    {
        // The documents need no domain service: any address will do.
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _bff = PartnerBffHost.Start(keys, nowhere, nowhere);
        _client = _bff.CreateRealClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_bff is not null)
        {
            await _bff.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Served_document_is_compatible_with_the_released_snapshot(string version)
    {
        var served = await ServedAsync(version);
        var path = Path.Combine(RepoPaths.Root, "docs", "partner", $"openapi.{version}.json");
        if (Environment.GetEnvironmentVariable("PARTNER_OPENAPI_UPDATE") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", TestContext.Current.CancellationToken);
        }

        var released = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;

        Assert.Empty(CompatibilityChecker.FindBreakingChanges(released, served));
        Assert.True(JsonNode.DeepEquals(released, served), $"The {version} document changed compatibly: regenerate {path} with PARTNER_OPENAPI_UPDATE=1 and review the diff.");
    }

    [Fact]
    public async Task V2_is_a_breaking_change_of_v1_by_design()
    {
        var v1 = await ServedAsync("v1");
        var v2 = await ServedAsync("v2");
        var rebased = JsonNode.Parse(v2.ToJsonString().Replace("/partner/v2/", "/partner/v1/", StringComparison.Ordinal))!;

        var breaks = CompatibilityChecker.FindBreakingChanges(v1, rebased);

        Assert.Contains("retyped GET /partner/v1/orders/{id} 200.total: number -> object", breaks.Select(b => b.Replace(":double", "", StringComparison.Ordinal).Replace(":decimal", "", StringComparison.Ordinal)));
        Assert.Contains(breaks, b => b.StartsWith("removed field GET /partner/v1/orders/{id} 200.orderId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_describe_auth_errors_and_examples_and_v1_is_deprecated()
    {
        var v1 = await ServedAsync("v1");
        var v2 = await ServedAsync("v2");

        foreach (var doc in new[] { v1, v2 })
        {
            Assert.NotNull(doc["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]);
            Assert.Equal("X-Api-Key", doc["components"]!["securitySchemes"]!["apiKey"]!["name"]!.GetValue<string>());
            Assert.NotNull(doc["components"]!["schemas"]!["PartnerProblem"]!["properties"]!["code"]);
            Assert.NotNull(doc["components"]!["schemas"]!["Order"]!["examples"]);
            var post = doc["paths"]!.AsObject().Single(p => p.Key.EndsWith("/orders", StringComparison.Ordinal)).Value!["post"]!;
            Assert.Equal(["partner.write"], post["security"]![0]!["oauth2"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.NotNull(post["responses"]!["422"]);
            Assert.Contains(post["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["required"]!.GetValue<bool>());
        }

        Assert.True(v1["paths"]!["/partner/v1/orders"]!["get"]!["deprecated"]!.GetValue<bool>());
        Assert.Null(v2["paths"]!["/partner/v2/orders"]!["get"]!["deprecated"]);
        Assert.Null(v2["components"]!["schemas"]!["Order"]!["properties"]!["orderId"]);
        Assert.NotNull(v2["components"]!["schemas"]!["Money"]);
        Assert.Null(v1["components"]!["schemas"]!["Money"]);
    }

    private async Task<JsonNode> ServedAsync(string version)
    {
        using var response = await _client!.CallAsync(Get($"/partner/{version}/openapi.json", assertion: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
