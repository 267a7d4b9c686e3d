using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bff.Contracts.Stubs;
using Mobile.Bff.Tests.Support;

namespace Mobile.Bff.Tests.Integration;

/// <summary>Hedged reads against a real stub whose latency jitters between 5 ms and 405 ms.</summary>
public sealed partial class HedgingTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Mobile:Hedging:Enabled"] = "true",
        ["Mobile:Hedging:MinSamples"] = "5",
        ["Mobile:Hedging:Percentile"] = "0.5",
        ["Mobile:Hedging:MinDelay"] = "00:00:00.020",
        ["Mobile:Hedging:BudgetRatio"] = "0.5",
        ["Mobile:Hedging:BudgetMinPerSecond"] = "0",
    };

    [Fact]
    public async Task Slow_reads_get_one_hedge_each_within_the_budget()
    {
        await Stubs.SetFaultAsync("products", new FaultSettings(LatencyMs: 5, JitterMs: 400, Route: "GET /products/recommended"));
        const int Screens = 30;
        for (var i = 0; i < Screens; i++)
        {
            using var response = await GetAsync("/mobile/home");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var calls = (await Stubs.StatsAsync("products")).Routes["GET /products/recommended"];
        var metrics = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token);
        var sent = Hedges(metrics, "sent");

        Assert.True(sent > 0, "a median hedge delay over a jittery service must hedge some reads");
        // The stub counts the calls it finished; a losing attempt cancelled while it waited is not among them.
        Assert.InRange(calls, Screens, Screens + sent);
        Assert.True(sent <= Screens / 2, $"{sent} hedges for {Screens} calls: the budget allows half");
    }

    private static long Hedges(string metrics, string outcome)
    {
        var match = HedgeLine().Matches(metrics).FirstOrDefault(m => m.Groups["outcome"].Value == outcome);
        return match is null ? 0 : long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^bff_resilience_hedges_total\{(?=[^}]*service="products")(?=[^}]*outcome="(?<outcome>\w+)")[^}]*\} (?<count>\d+)""", RegexOptions.Multiline)]
    private static partial Regex HedgeLine();
}
