using System.Net;
using Bff.Contracts.Stubs;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Integration;

/// <summary>The default 300 ms budget against a service that never answers (the clients themselves would wait 5 s).</summary>
public sealed class BudgetTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Mobile:Budgets:Overall"] = "00:00:00.300",
    };

    [Fact]
    public async Task Hanging_products_service_is_cut_at_the_budget_and_its_sections_are_missing()
    {
        using (var warmUp = await GetAsync("/mobile/home"))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        await Stubs.SetFaultAsync("products", new FaultSettings(Hang: true));

        var (response, elapsed) = await TimedSendAsync(Client, Get("/mobile/home", Keys.Sign()));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await JsonAsync(response);
            Assert.Equal("missing", State(body, "recommendations"));
            Assert.Equal("missing", State(body, "ratings"));
            Assert.Equal(["recommendations", "ratings"], Degraded(body));
            Assert.Equal("ok", State(body, "profile"));
            Assert.Equal("ok", State(body, "orders"));
            Assert.False(body.TryGetProperty("recommended", out _));
        }

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(290), $"{elapsed.TotalMilliseconds} ms: the hanging section was given its budget");
        // Generous for a loaded machine, and still half the clients' own 5 s timeout: only the budget can end it this early.
        Assert.True(elapsed < TimeSpan.FromMilliseconds(2500), $"{elapsed.TotalMilliseconds} ms: the budget (300 ms) must cut the call, not the client's 5 s timeout");
    }

    [Fact]
    public async Task Section_budget_cuts_a_slow_section_before_the_overall_budget()
    {
        await using var bff = MobileBffHost.Start(Keys, await Stubs.StartAsync(), new Dictionary<string, string?>
        {
            ["Mobile:Budgets:Overall"] = "00:00:05",
            ["Mobile:Budgets:Sections:notifications"] = "00:00:00.150",
        });
        using var client = bff.CreateRealClient();
        using (var warmUp = await client.SendAsync(Get("/mobile/home", Keys.Sign()), Token))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        // 1.5 s is well inside the overall 5 s: only the section's own 150 ms can leave it out.
        await Stubs.SetFaultAsync("users", new FaultSettings(LatencyMs: 1500, Route: "GET /users/{id}/notifications/unread-count"));

        var (response, elapsed) = await TimedSendAsync(client, Get("/mobile/home", Keys.Sign()));
        using (response)
        {
            var body = await JsonAsync(response);
            Assert.Equal("missing", State(body, "notifications"));
            Assert.Equal(["notifications"], Degraded(body));
        }

        Assert.True(elapsed < TimeSpan.FromMilliseconds(1500), $"{elapsed.TotalMilliseconds} ms");
    }
}
